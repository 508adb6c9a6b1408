using System.Net.Http.Json;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Refresh;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Refresh;

/// <summary>The refresh schedule, on an app of its own with the schedule on: clean files are committed, others held with a note.</summary>
public abstract class RefreshScheduleTests(Provider provider)
{
    [Fact]
    public async Task TheSchedule_CommitsACleanRefresh_AndHoldsOneWithErrors_WithANoteOnTheImportsPage()
    {
        await using var sources = await SourceServer.StartAsync();
        // The schedule asks at its first start: the catalogue's sources are set on the database before the app that has it starts.
        string connectionString;
        await using (var setUp = await AppFactory.CreateAsync(provider, RefreshFixture.Settings(sources)))
        {
            setUp.StartServer();
            connectionString = setUp.ConnectionString;
            await setUp.CreateUserAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
            await RefreshFixture.UseTestSourcesAsync(setUp);
            // Population counts sent to a percentage indicator: every value is out of range, so the file has errors.
            await setUp.WithDbAsync(db => db.Indicators.Where(i => i.Key == RefreshFixture.Population)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Unit, IndicatorUnit.Percent).SetProperty(i => i.ValueType, IndicatorValueType.Proportion).SetProperty(i => i.Multiplier, 100)));
        }
        await using var factory = new AppFactory(provider, connectionString, RefreshFixture.Settings(sources,
            ("Refresh:Schedule:Enabled", "true"), ("Refresh:Schedule:Interval", "7.00:00:00")));
        factory.StartServer();
        var api = await factory.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
        var analyst = await factory.SignedInClientAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst));

        var run = await api.WaitForRefreshAsync(await ScheduledRunAsync(factory));

        run.GetProperty("trigger").GetString().Should().Be("schedule");
        run.GetProperty("requestedBy").GetString().Should().Be(RefreshWorker.ScheduleActor);
        run.Item(RefreshFixture.Unemployment).GetProperty("status").GetString().Should().Be("committed");
        var held = run.Item(RefreshFixture.Population);
        held.GetProperty("status").GetString().Should().Be("held");
        held.GetProperty("message").GetString().Should().Contain("error");
        var import = await api.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{held.GetProperty("importId").GetInt32()}");
        import.GetProperty("status").GetString().Should().Be("ready", "it waits for an analyst");
        var (_, page) = await analyst.GetPageAsync("/imports");
        page.QuerySelectorAll(".import-note").Select(n => n.Text()).Should().ContainSingle()
            .Which.Should().Contain("scheduled refresh").And.Contain("held for an analyst");
        (await factory.WithDbAsync(db => db.RefreshRuns.CountAsync(r => r.Trigger == RefreshTrigger.Schedule))).Should().Be(1, "the next is due in a week");
    }

    /// <summary>The run the schedule asks for once there are sources (it looks every second).</summary>
    private static async Task<int> ScheduledRunAsync(AppFactory factory)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var id = await factory.WithDbAsync(db => db.RefreshRuns.Where(r => r.Trigger == RefreshTrigger.Schedule).Select(r => (int?)r.Id).FirstOrDefaultAsync());
            if (id is { } found)
            {
                return found;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The schedule asked for no refresh.");
    }
}

public sealed class RefreshScheduleOnSqlite() : RefreshScheduleTests(Provider.Sqlite);

public sealed class RefreshScheduleOnPostgres() : RefreshScheduleTests(Provider.Postgres);

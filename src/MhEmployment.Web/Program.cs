using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Areas;
using MhEmployment.Web.Features.Assets;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.DataVersions;
using MhEmployment.Web.Features.Imports;
using MhEmployment.Web.Features.Exports;
using MhEmployment.Web.Features.Indicators;
using MhEmployment.Web.Features.NeedsAssets;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Features.Refresh;
using MhEmployment.Web.Infrastructure;
using System.Globalization;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: CultureInfo.InvariantCulture).CreateLogger();
try
{
    var command = CommandLine.Parse(args);
    if (command.Error is not null)
    {
        await Console.Error.WriteLineAsync(command.Error + Environment.NewLine + Environment.NewLine + CommandLine.Usage);
        return 2;
    }
    if (command.Verb == CommandVerb.Help)
    {
        await Console.Out.WriteLineAsync(CommandLine.Usage);
        return 0;
    }
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = command.HostArgs,
        ContentRootPath = ContentRoot.Resolve(command.HostArgs),
    });
    builder.AddAppLogging();
    builder.AddServerLimits();
    builder.Services.AddAppDatabase(builder.Configuration, builder.Environment);
    builder.Services.AddScoped<AreaDirectory>();
    builder.Services.AddScoped<IndicatorCatalogue>();
    builder.Services.AddScoped<IndicatorEditor>();
    builder.Services.AddSingleton<IDashboardSource, DashboardSource>();
    builder.Services.AddSingleton<DataVersion>();
    builder.Services.AddSingleton<DashboardCache>();
    builder.Services.AddHostedService<DashboardRefresher>();
    builder.Services.AddSavedSnapshots(builder.Configuration, builder.Environment);
    builder.Services.AddSingleton<Dashboards>();
    builder.Services.AddSingleton(DashboardPageSettings.From(builder.Configuration));
    builder.Services.AddDashboardOutputCache(builder.Configuration);
    builder.Services.AddAudit(builder.Configuration, builder.Environment);
    builder.Services.AddScoped<AccountAdministration>();
    builder.Services.AddScoped<AccountBootstrap>();
    builder.Services.AddAppSecurity(builder.Configuration);
    builder.AddImports();
    builder.Services.AddAssets();
    builder.Services.AddNeedsAssets();
    builder.Services.AddExports();
    builder.Services.AddRefresh(builder.Configuration);
    builder.Services.AddAppPages();
    builder.Services.AddAppApi();
    builder.Services.AddAppErrorHandling();

    var app = builder.Build();
    if (command.Verb == CommandVerb.Backup)
    {
        // Before any migration: a backup taken before an upgrade must be of the database as it was.
        return await BackupCommand.RunAsync(command, app.Configuration, app.Environment);
    }
    if (command.Verb == CommandVerb.Migrate)
    {
        await DatabaseSetup.MigrateAndSeedAsync(app.Services);
        Log.Information("Database migrated and reference data seeded");
        return 0;
    }
    if (command.Verb == CommandVerb.Import)
    {
        // The import copies and hashes its file while the database is brought up to date (or, already up to date,
        // while EF Core builds its model and opens its first connection): both take about half a second.
        var databaseReady = Task.Run(() => DatabaseSetup.ShouldMigrateOnStart(app.Configuration)
            ? DatabaseSetup.MigrateAndSeedAsync(app.Services)
            : DatabaseSetup.WarmUpAsync(app.Services)); // on a thread of its own: much of EF Core's start-up is synchronous
        return await ImportCommand.RunAsync(command, app.Services, databaseReady);
    }
    if (DatabaseSetup.ShouldMigrateOnStart(app.Configuration))
    {
        await DatabaseSetup.MigrateAndSeedAsync(app.Services);
    }
    if (command.Verb == CommandVerb.Refresh)
    {
        return await RefreshCommand.RunAsync(command, app.Services);
    }
    if (command.Verb is CommandVerb.UsersAdd or CommandVerb.UsersResetPassword or CommandVerb.TokensAdd)
    {
        return await AccountCommands.RunAsync(command, app.Services);
    }

    app.UseTrustedProxies();
    app.UseSecurityHeaders();
    app.UseAppErrorHandling();
    app.UseSerilogRequestLogging(RequestLog.Configure(app.Services.GetRequiredService<Serilog.ILogger>()));
    app.UseClientDisconnects();
    app.UseStaticFiles();
    app.UseRouting();
    app.UseSignInRateLimit();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseOutputCache();
    app.MapRazorPages();
    app.MapAppApi();
    await app.RunAsync();
    return 0;
}
catch (ConfigurationProblemException ex)
{
    Log.Fatal("MhEmployment cannot start: {Problem}", ex.Message);
    return 1;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "MhEmployment stopped: {Reason}", ex.Message);
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Marks the entry point for WebApplicationFactory in the integration tests.</summary>
public partial class Program;

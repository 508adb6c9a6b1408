using System.Net;
using AngleSharp.Html.Dom;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Pages.Indicators;

/// <summary>The catalogue editor an analyst uses in the browser, over HTTP, without JavaScript.</summary>
public abstract class EditTests(AppFixture fixture)
{
    private readonly HttpClient _analyst = fixture.PageClient(Roles.Analyst);

    private static string Checked(AngleSharp.Dom.IDocument page, string field) =>
        page.QuerySelector($"input[name='Input.{field}'][checked]")?.GetAttribute("value") ?? "";

    [Fact]
    public async Task TheForm_LabelsAndExplainsEveryField_AndHoldsTheIndicatorsValues()
    {
        var (response, page) = await _analyst.GetPageAsync("/indicators/cqc-cmh-survey-work-help-unmet/edit");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("h1")!.Text().Should().StartWith("CQC community mental health survey");
        foreach (var (label, field) in new[] { ("Name", "Name"), ("Definition", "Definition"), ("Multiplier", "Multiplier"), ("Source", "Source"), ("Ages covered", "Age") })
        {
            page.QuerySelector($"label[for=Input_{field}]")!.Text().Should().Be(label);
            var input = page.QuerySelector($"#Input_{field}")!;
            input.GetAttribute("aria-describedby").Should().Contain($"Input_{field}-hint");
            page.QuerySelector($"#Input_{field}-hint")!.Text().Should().NotBeEmpty();
        }
        page.QuerySelectorAll("fieldset legend").Select(l => l.Text()).Should().Equal(
            "Theme", "Value type", "Unit", "Polarity", "Sex covered", "Periods", "Confidence intervals", "Comparison with benchmarks",
            "Source for refresh", "Fingertips area types to fetch");
        page.QuerySelector("label[for=Input_IntervalMethod-ExactPoisson]")!.Text().Should().Be("Exact Poisson for every count (counts and rates)");
        page.QuerySelector("#Input_IntervalMethod-ExactPoisson")!.GetAttribute("aria-describedby").Should().Be("Input_IntervalMethod-ExactPoisson-hint");
        page.QuerySelector("#Input_IntervalMethod-ExactPoisson-hint")!.Text().Should().Contain("93356");
        page.QuerySelector("#Input_ValueType-Count-hint")!.Text().Should().Contain("never compared between areas");
        Checked(page, "Polarity").Should().Be("LowIsGood");
        Checked(page, "ValueType").Should().Be("Proportion");
        Checked(page, "IntervalMethod").Should().Be("Wilson");
        page.QuerySelector("#Input_Multiplier")!.GetAttribute("value").Should().Be("100");
        page.QuerySelector("#Input_NeedsReview")!.HasAttribute("checked").Should().BeFalse();
        page.QuerySelector("input[name=Version]")!.GetAttribute("value").Should().MatchRegex("^[0-9a-f]{16}$");
    }

    [Fact]
    public async Task Saving_RedirectsToTheIndicatorWithAFlash_ShowsTheNewValues_AndTheAuditLogSaysWhatChanged()
    {
        const string key = "cqc-cmh-survey-work-help-unmet";
        var response = await _analyst.PostFormAsync($"/indicators/{key}/edit", new()
        {
            ["Input.Polarity"] = "NoJudgement",
            ["Input.Name"] = "CQC survey: wanted help finding work and did not get it (%)",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be($"/indicators/{key}");
        var (_, page) = await _analyst.GetPageAsync($"/indicators/{key}");
        page.QuerySelector(".flash")!.Text().Should().Be("Saved your changes to name, polarity. The dashboards show them now.");
        page.QuerySelector("h1")!.Text().Should().Be("CQC survey: wanted help finding work and did not get it (%)");
        page.SummaryValue("Better when").Should().Be("No judgement (higher or lower)");

        var (_, audit) = await fixture.PageClient(Roles.Admin).GetPageAsync($"/Admin/Audit?Action={AuditActions.IndicatorUpdated}&Actor={key}");
        var entry = audit.QuerySelectorAll("table tbody tr")[0].QuerySelectorAll("td").Select(c => c.Text()).ToList();
        entry[1].Should().Be(Accounts.EmailFor(Roles.Analyst));
        entry[3].Should().Be(AuditActions.IndicatorUpdated);
        entry[4].Should().Be(key);
        entry[5].Should().Be("Name: \"CQC community mental health survey: wanted help finding work and did not get it (%)\" → " +
            "\"CQC survey: wanted help finding work and did not get it (%)\"; Polarity: \"LowIsGood\" → \"NoJudgement\"");
    }

    [Fact]
    public async Task ExactPoissonIntervals_CanBeChosenForARate_WithTheMultiplierWrittenAsPeopleWriteIt()
    {
        const string key = "ibsda-mental-behavioural-rate";
        var response = await _analyst.PostFormAsync($"/indicators/{key}/edit", new()
        {
            ["Input.Unit"] = "RatePer100000",
            ["Input.Multiplier"] = " 100,000 ",
            ["Input.IntervalMethod"] = "ExactPoisson",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await fixture.Factory.WithDbAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Key == key));
        stored.IntervalMethod.Should().Be(Web.Domain.IntervalMethod.ExactPoisson);
        stored.Multiplier.Should().Be(100_000);
        var (_, page) = await _analyst.GetPageAsync($"/indicators/{key}");
        page.SummaryValue("Confidence intervals").Should().Be("Exact Poisson for every count (counts and rates)");
    }

    [Fact]
    public async Task InvalidEntries_Are400_WithAnErrorSummaryLinkedToEachField_TheEntriesKept_AndNothingSaved()
    {
        const string key = "sickness-absence-employees";
        var response = await _analyst.PostFormAsync($"/indicators/{key}/edit", new()
        {
            ["Input.Name"] = "   ",
            ["Input.Multiplier"] = "a hundred",
            ["Input.ValueType"] = "Count",
            ["Input.Source"] = "Labour Force Survey",
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        var links = page.QuerySelectorAll(".error-summary a").ToDictionary(a => a.GetAttribute("href")!, a => a.Text());
        links.Should().Contain("#Input_Name", "Enter a name");
        links.Should().Contain("#Input_Multiplier", "Enter the multiplier as a whole number, such as 100 for a percentage");
        links.Should().ContainKey("#Input_Unit").WhoseValue.Should().Be("Count values cannot be in '%': choose 'Count'");
        links.Should().ContainKey("#Input_ComparisonMethod");
        foreach (var target in links.Keys)
        {
            page.QuerySelector(target).Should().NotBeNull($"the summary's link {target} leads to its field");
        }
        page.QuerySelector("#Input_Multiplier-error")!.Text().Should().Contain("whole number");
        page.QuerySelector("#Input_Multiplier")!.GetAttribute("value").Should().Be("a hundred", "what was typed is shown again");
        page.QuerySelector("#Input_Source")!.GetAttribute("value").Should().Be("Labour Force Survey");
        Checked(page, "ValueType").Should().Be("Count");

        var stored = await fixture.Factory.WithDbAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Key == key));
        stored.Source.Should().NotBe("Labour Force Survey");
    }

    [Fact]
    public async Task TwoAnalystsEditingAtOnce_TheSecondIsShownTheFirstsChange_NotAllowedToOverwriteIt_UntilTheySaveAgain()
    {
        const string key = "ni153-out-of-work-benefits-worst-neighbourhoods";
        var admin = fixture.PageClient(Roles.Admin);
        var (_, adminForm) = await admin.GetPageAsync($"/indicators/{key}/edit");
        var form = (IHtmlFormElement)adminForm.QuerySelector("main form[method=post]")!;

        (await _analyst.PostFormAsync($"/indicators/{key}/edit", new() { ["Input.Polarity"] = "NoJudgement" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var conflict = await admin.PostFormAsync(form, new() { ["Input.Age"] = "16-64 yrs" }, $"/indicators/{key}/edit");

        conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var page = await Html.ParseAsync(conflict);
        page.QuerySelector(".error-summary")!.Text().Should().Contain("Someone else saved a change to this indicator while you were editing it");
        page.QuerySelector(".notice")!.Text().Should().Contain(Accounts.EmailFor(Roles.Analyst));
        var differences = page.QuerySelectorAll(".notice table tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("th, td").Select(c => c.Text()))).ToList();
        differences.Should().Equal("Polarity | NoJudgement | LowIsGood", "Age | 16-59/64 yrs | 16-64 yrs");
        page.QuerySelector("#Input_Age")!.GetAttribute("value").Should().Be("16-64 yrs", "the form keeps the Admin's entries");
        var stored = await fixture.Factory.WithDbAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Key == key));
        stored.Polarity.Should().Be(Web.Domain.Polarity.NoJudgement, "the first save stands");
        stored.Age.Should().Be("16-59/64 yrs");

        var again = await admin.PostFormAsync((IHtmlFormElement)page.QuerySelector("main form[method=post]")!, [], $"/indicators/{key}/edit");
        again.StatusCode.Should().Be(HttpStatusCode.Redirect, "saving again, having seen the other's change, is a deliberate choice");
        stored = await fixture.Factory.WithDbAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Key == key));
        stored.Age.Should().Be("16-64 yrs");
        stored.Polarity.Should().Be(Web.Domain.Polarity.LowIsGood);
    }

    [Fact]
    public async Task IndicatorsNeedingReview_AreTaggedAndFiltered_AndClearingTheFlagTakesThemOff()
    {
        const string key = "esa-mental-behavioural-share";
        (await _analyst.PostFormAsync($"/indicators/{key}/edit", new() { ["Input.NeedsReview"] = "true" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, all) = await _analyst.GetPageAsync("/indicators");
        var (_, needing) = await _analyst.GetPageAsync("/indicators?show=needs-review");

        all.QuerySelector("#needing-review")!.Text().Should().MatchRegex(@"^\d+ indicators? needs? review\.");
        all.QuerySelectorAll("table tbody tr").Single(r => r.QuerySelector($"a[href='/indicators/{key}']") is not null)
            .QuerySelector(".tag")!.Text().Should().Be("Needs review");
        needing.QuerySelectorAll("table tbody tr a").Select(a => a.GetAttribute("href")).Should().Contain($"/indicators/{key}")
            .And.NotContain("/indicators/ni150-secondary-mh-employment");
        needing.QuerySelectorAll("table tbody tr").Should().OnlyContain(r => r.QuerySelector(".tag") != null);
        var (_, indicator) = await _analyst.GetPageAsync($"/indicators/{key}");
        indicator.QuerySelector(".notice a")!.GetAttribute("href").Should().Be($"/indicators/{key}/edit");

        // An unticked checkbox posts only its hidden "false".
        (await _analyst.PostFormAsync($"/indicators/{key}/edit", new() { ["Input.NeedsReview"] = "false" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, after) = await _analyst.GetPageAsync("/indicators?show=needs-review");
        after.QuerySelectorAll("table tbody tr a").Select(a => a.GetAttribute("href")).Should().NotContain($"/indicators/{key}");
    }

    [Fact]
    public async Task AnUnknownCatalogueFilter_Is400_WithTheErrorLinkedToTheChoice()
    {
        var (response, page) = await fixture.PageClient(Roles.Viewer).GetPageAsync("/indicators?show=everything");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.QuerySelector(".error-summary a")!.GetAttribute("href").Should().Be("#Show");
        page.QuerySelector("#Show").Should().NotBeNull();
    }

    [Fact]
    public async Task OnlyAnalystsAndAdmins_SeeTheEditLink_OrMayOpenTheForm()
    {
        const string url = "/indicators/ni150-secondary-mh-employment";
        foreach (var role in new[] { Roles.Analyst, Roles.Admin })
        {
            var (_, page) = await fixture.PageClient(role).GetPageAsync(url);
            page.QuerySelector($"a[href='{url}/edit']").Should().NotBeNull(role);
            (await fixture.PageClient(role).GetAsync(new Uri($"{url}/edit", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        foreach (var role in new[] { Roles.Viewer, Roles.Officer })
        {
            var (_, page) = await fixture.PageClient(role).GetPageAsync(url);
            page.QuerySelector($"a[href='{url}/edit']").Should().BeNull(role);
            var edit = await fixture.PageClient(role).GetAsync(new Uri($"{url}/edit", UriKind.Relative));
            edit.StatusCode.Should().Be(HttpStatusCode.Redirect);
            edit.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
        }
        (await _analyst.GetAsync(new Uri("/indicators/no-such-indicator/edit", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IndicatorEditPageOnSqlite(SqliteAppFixture fixture) : EditTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class IndicatorEditPageOnPostgres(PostgresAppFixture fixture) : EditTests(fixture);

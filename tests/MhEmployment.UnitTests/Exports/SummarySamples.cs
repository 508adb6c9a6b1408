using MhEmployment.Web.Features.Charts;
using MhEmployment.Web.Features.Exports;

namespace MhEmployment.UnitTests.Exports;

/// <summary>Needs summaries the export writers are tested with: a borough with everything, and one with nothing.</summary>
public static class SummarySamples
{
    /// <summary>A text field someone typed to make a spreadsheet fetch a link: every writer must leave it inert.</summary>
    public const string Formula = "=HYPERLINK(\"http://x\",\"y\")";

    public static readonly IReadOnlySet<SummarySection> AllSections = new HashSet<SummarySection>(Enum.GetValues<SummarySection>());

    public static NeedsSummary Hackney() => Summary("Needs summary: Hackney", Borough());

    public static NeedsSummary Empty() => Summary("Needs summary: Nowhere", Nothing());

    public static NeedsSummary Of(params AreaSummary[] areas) => Summary("Needs summary: chosen areas", areas);

    private static NeedsSummary Summary(string title, params AreaSummary[] areas) => new(
        title, "E92000001", "England", "Default", AllSections, areas,
        [
            new SourceRow("esa-mental", "ESA claimants with mental and behavioural disorders", "DWP via NOMIS", "Aug 2023", new DateTime(2024, 1, 15, 9, 30, 0, DateTimeKind.Utc)),
            new SourceRow("employment-rate", "Employment rate", "ONS Annual Population Survey", "2023", null),
        ],
        ["Values are compared with England using 95% confidence intervals (Wilson for proportions).", "Trends use the last five periods."],
        new DateTime(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc), "officer@example.org", 42);

    public static AreaSummary Borough() => new(
        "E09000012", "Hackney", "London borough", "London", "London boroughs",
        [
            new HeadlineRow("Benefits", "esa-mental", "ESA claimants with mental and behavioural disorders", "Persons", "16-64", "Aug 2023", "per 1,000",
                31.25, 30.1, 32.4, 5210, 166720, null, 24.8, "Worse", "Increasing and getting worse", 3, 33,
                "Hackney's rate (31.3 per 1,000) is significantly higher than England's (24.8) and rising.", 1, " per 1,000", "DWP via NOMIS"),
            new HeadlineRow("Employment", "employment-rate", "Employment rate", "Persons", "16-64", "2023", "%",
                72.5, 70.2, 74.8, null, null, "Estimate", 75.7, "Similar", "No significant change", 20, 33,
                "Hackney's employment rate (72.5%) is similar to England's (75.7%).", 1, "%", "ONS Annual Population Survey"),
            new HeadlineRow("Prevalence", "smi", "Severe mental illness prevalence", "Persons", "All ages", "2022/23", "%",
                null, null, null, null, null, "Suppressed", 1.0, "Not compared", "Not enough periods", null, null,
                "Hackney's value is suppressed.", 2, "%", "QOF"),
        ],
        [
            new SummaryChart("ESA claimants with mental and behavioural disorders, Hackney and England",
                "Line chart: Hackney's rate rose from 28.0 in 2019 to 31.3 per 1,000 in 2023; England's stayed near 25.",
                Trend(), TimeSeriesChart.Width, 300),
        ],
        [
            new HeadlineRow("Benefits", "esa-mental", "ESA claimants with mental and behavioural disorders", "Persons", "16-64", "Aug 2023", "per 1,000",
                31.25, 30.1, 32.4, 5210, 166720, null, 24.8, "Worse", "Increasing and getting worse", 3, 33,
                "Hackney's rate (31.3 per 1,000) is significantly higher than England's (24.8) and rising.", 1, " per 1,000", "DWP via NOMIS"),
        ],
        [
            new DomainRow(1, "(Re)employment", 8, 5, 3, 0.5, "High", 0.91, 3, 4, true),
            new DomainRow(2, "Retention and early return", 6, 6, 0, 0.83, "Medium", 0.5, 2, 4, false),
            new DomainRow(4, "Other assets", 3, 0, 3, 0, "No need measured", null, 0, 0, false),
        ],
        new RagSummary(new DateOnly(2026, 10, 1), "officer@example.org",
        [
            new RagRow("1.1", "Individual placement and support (IPS)", "Green", "Commissioned to 2028."),
            new RagRow("1.2", "Vocational rehabilitation", "Red", Formula),
        ]),
        [new GapRow(1, "(Re)employment", "1.3", "Supported employment for people with learning disabilities", "Make it a priority: consider a new service")],
        [
            new PriorityRow("1. (Re)employment", "1.3", "New priority action", Formula, "Head of Commissioning", "Short term (under a year)", "Agreed",
                new DateOnly(2027, 3, 31), new DateTime(2026, 11, 2, 14, 0, 0, DateTimeKind.Utc), "officer@example.org"),
            new PriorityRow("2. Retention and early return", null, "Protect and promote", "Keep the IAPT employment advisers", "+44 20 7946 0000", "Medium term (1 to 3 years)", "In progress",
                null, new DateTime(2026, 11, 3, 9, 0, 0, DateTimeKind.Utc), "officer@example.org"),
        ],
        [
            new TidyValue("E09000012", "Hackney", "esa-mental", "ESA claimants with mental and behavioural disorders", "Aug 2022", new DateOnly(2022, 8, 1), new DateOnly(2022, 8, 31),
                "Persons", "16-64", "per 1,000", 29.5, 28.4, 30.6, "Computed", 4900, 166100, null, "DWP via NOMIS"),
            new TidyValue("E09000012", "Hackney", "esa-mental", "ESA claimants with mental and behavioural disorders", "Aug 2023", new DateOnly(2023, 8, 1), new DateOnly(2023, 8, 31),
                "Persons", "16-64", "per 1,000", 31.25, 30.1, 32.4, "Computed", 5210, 166720, null, "DWP via NOMIS"),
            new TidyValue("E09000012", "Hackney", "smi", "Severe mental illness prevalence", "2022/23", new DateOnly(2022, 4, 1), new DateOnly(2023, 3, 31),
                "Persons", "All ages", "%", null, null, null, "None", null, null, "-suppressed", "QOF"),
        ]);

    /// <summary>A current borough with no values and no assets.</summary>
    public static AreaSummary Nothing() => new(
        "E09000099", "Nowhere", "London borough", "London", "London boroughs", [], [], [],
        [new DomainRow(1, "(Re)employment", 8, 0, 8, 0, "Insufficient data", null, 0, 4, false)], null,
        [new GapRow(1, "(Re)employment", "1.1", "Individual placement and support (IPS)", "Make it a priority: consider a new service")], [], []);

    private static string Trend() => TimeSeriesChart.Render(new TimeSeriesSpec(
        "esa-trend", "ESA claimants with mental and behavioural disorders, Hackney and England",
        "Hackney's rate rose from 28.0 in 2019 to 31.3 per 1,000 in 2023", "per 1,000",
        ["2019", "2020", "2021", "2022", "2023"],
        [
            new Series("Hackney", true, [new(28.0, 27.0, 29.0, "Worse"), new(28.9, 27.9, 29.9, "Worse"), new(29.1, 28.0, 30.2, "Worse"), new(29.5, 28.4, 30.6, "Worse"), new(31.25, 30.1, 32.4, "Worse")]),
            new Series("England", false, [new(25.0, null, null, ""), new(25.2, null, null, ""), new(24.9, null, null, ""), new(24.7, null, null, ""), new(24.8, null, null, "")]),
        ], 1, " per 1,000"));
}

using MhEmployment.Web.Features.Exports;

namespace MhEmployment.UnitTests.Exports;

public sealed class BuiltSummariesTests
{
    private static SummaryRequest Request(string? benchmark = null, string? scheme = null, SummarySection[]? sections = null, string[]? indicators = null) =>
        new(benchmark, scheme, sections is null ? SummaryRequest.AllSections : new HashSet<SummarySection>(sections), indicators ?? []);

    private static string Key(long version = 7, string title = "Needs summary: Hackney", string[]? codes = null, SummaryRequest? request = null) =>
        BuiltSummaries.Key(version, title, codes ?? ["E09000012"], request ?? Request());

    [Fact]
    public void TheSameRequest_WrittenDifferently_IsOneSummary()
    {
        Key(codes: [" e09000012 "], request: Request(" e92000001", sections: [SummarySection.Gaps, SummarySection.Headlines], indicators: ["B-key", "a-key"]))
            .Should().Be(Key(codes: ["E09000012"], request: Request("E92000001", sections: [SummarySection.Headlines, SummarySection.Gaps], indicators: ["a-key", "b-key"])));
    }

    [Fact]
    public void EveryChoice_AndTheDataVersion_MakeADifferentSummary()
    {
        string[] keys =
        [
            Key(),
            Key(version: 8),
            Key(title: "Needs summary: London"),
            Key(codes: ["E09000012", "E09000007"]),
            Key(codes: ["E09000007", "E09000012"]),
            Key(request: Request("E12000007")),
            Key(request: Request(scheme: "Employment first")),
            Key(request: Request(sections: [SummarySection.Gaps])),
            Key(request: Request(indicators: ["esa-mental-behavioural-rate"])),
        ];

        keys.Should().OnlyHaveUniqueItems();
    }
}

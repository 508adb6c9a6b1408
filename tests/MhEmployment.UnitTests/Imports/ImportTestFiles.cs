using System.Text;
using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.UnitTests.Imports;

/// <summary>What reading a file gave: the inspection (format, encoding or refusal), the observations and every issue.</summary>
internal sealed record ParseOutcome(ImportFileInspection? Inspection, List<SourceObservation> Observations, List<ParseIssue> Issues)
{
    public IEnumerable<ParseIssue> Errors => Issues.Where(i => i.Severity == IssueSeverity.Error);

    public IEnumerable<ParseIssue> Warnings => Issues.Where(i => i.Severity == IssueSeverity.Warning);

    public IEnumerable<ParseIssue> WithRule(string rule) => Issues.Where(i => i.Rule == rule);

    public SourceObservation Single(string areaCode, string? seriesKey = null, string? period = null) =>
        Observations.Single(o => o.AreaCode == areaCode && (seriesKey is null || o.SeriesKey == seriesKey) && (period is null || o.PeriodLabel == period));
}

internal static class ImportTestFiles
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "TestData", "imports", relative);

    /// <summary>Opens a file through the facade, as the workflow does, and reads it to the end.</summary>
    public static ParseOutcome Read(string path, ImportFormat? forced = null)
    {
        var inspection = ImportFileReader.Open(path, forced);
        if (inspection.IsRefused)
            return new ParseOutcome(inspection, [], inspection.Refusal is { } r ? [r] : []);
        var observations = new List<SourceObservation>();
        var issues = new List<ParseIssue>();
        foreach (var record in inspection.ReadRecords())
        {
            if (record.Observation is { } o)
                observations.Add(o);
            issues.AddRange(record.Issues);
        }
        return new ParseOutcome(inspection, observations, issues);
    }

    public static ParseOutcome ReadReal(string relative, ImportFormat? forced = null) => Read(PathOf(relative), forced);

    /// <summary>Parses CSV text with one format's parser directly (no sniffing or detection).</summary>
    public static ParseOutcome Parse(ImportFormat format, string csv)
    {
        var observations = new List<SourceObservation>();
        var issues = new List<ParseIssue>();
        foreach (var record in ImportParser.For(format).Read(new StringReader(csv)))
        {
            if (record.Observation is { } o)
                observations.Add(o);
            issues.AddRange(record.Issues);
        }
        return new ParseOutcome(null, observations, issues);
    }

    /// <summary>Parses bytes through the stream path, as the facade does.</summary>
    public static ParseOutcome Parse(ImportFormat format, byte[] bytes, Encoding? encoding = null)
    {
        var observations = new List<SourceObservation>();
        var issues = new List<ParseIssue>();
        foreach (var record in ImportParser.For(format).Read(new MemoryStream(bytes), encoding ?? Encoding.UTF8))
        {
            if (record.Observation is { } o)
                observations.Add(o);
            issues.AddRange(record.Issues);
        }
        return new ParseOutcome(null, observations, issues);
    }
}

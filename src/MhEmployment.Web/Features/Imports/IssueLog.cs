using System.Globalization;
using System.Text;
using MhEmployment.Web.Features.Imports.Parsing;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// Every error and warning of an import, streamed to a CSV file beside the upload (all of them, however many), with
/// counts. The preview shows the first 1,000; the file is the download.
/// </summary>
public sealed class IssueLog : IDisposable
{
    public const string Header = "line,column,value,rule,severity,message";

    /// <summary>How many issues the preview shows; the download has them all.</summary>
    public const int PreviewLimit = 1000;
    private readonly StreamWriter _writer;

    public IssueLog(string path)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        _writer.WriteLine(Header);
    }

    public long Errors { get; private set; }
    public long Warnings { get; private set; }

    public void Add(ParseIssue issue)
    {
        if (issue.Severity == IssueSeverity.Error)
        {
            Errors++;
        }
        else
        {
            Warnings++;
        }
        // Values are cut short: an issue file must not carry a 10 MB cell back to the analyst.
        var value = issue.Value is { Length: > 200 } longValue ? longValue[..200] + "…" : issue.Value;
        _writer.WriteLine(CsvText.Line(issue.LineNumber.ToString(CultureInfo.InvariantCulture), issue.Column, value, issue.Rule,
            issue.Severity == IssueSeverity.Error ? "error" : "warning", issue.Message));
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>The first issues of a log file (of one <paramref name="severity"/>, or all), for the preview and the API.</summary>
    public static List<ParseIssue> ReadFirst(string path, int limit, IssueSeverity? severity = null)
    {
        var issues = new List<ParseIssue>();
        if (!File.Exists(path))
        {
            return issues;
        }
        using var reader = CsvHelper.CsvReader.Create(new StreamReader(path), new CsvHelper.CsvReaderOptions { HasHeader = true }, leaveOpen: false);
        while (issues.Count < limit && reader.Read())
        {
            var rowSeverity = reader.GetString(4) == "error" ? IssueSeverity.Error : IssueSeverity.Warning;
            if (severity is not null && rowSeverity != severity)
            {
                continue;
            }
            var value = reader.GetString(2);
            issues.Add(new ParseIssue(long.Parse(reader.GetString(0), CultureInfo.InvariantCulture), NullIfEmpty(reader.GetString(1)),
                NullIfEmpty(value.StartsWith('\'') && value.Length > 1 && value[1] is '=' or '+' or '-' or '@' ? value[1..] : value),
                reader.GetString(3), reader.GetString(5), rowSeverity));
        }
        return issues;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

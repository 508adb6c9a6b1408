using System.Text;

namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>What <see cref="FileSniffer"/> decided: the text encoding to read the file with, or why it is refused.</summary>
public sealed record SniffResult(Encoding? Encoding, ParseIssue? Refusal)
{
    public bool IsRefused => Refusal is not null;

    internal static SniffResult Refuse(string rule, string message, long line = 0, string? value = null) =>
        new(null, new ParseIssue(line, null, value, rule, message));
}

using System.Globalization;
using System.Net;

namespace MhEmployment.Web.Features.Refresh.Fetching;

/// <summary>A source's answer that cannot be used; its message is the analyst's explanation.</summary>
public sealed class SourceProblemException(string message) : Exception(message);

/// <summary>What went wrong with a source, in words for an analyst: which source, which address, what to do.</summary>
internal static class SourceProblem
{
    private const int MaxHeaderShown = 400;

    public static string Unreachable(string source, Uri url, string reason) =>
        $"Could not reach {source} at {url}: {reason.TrimEnd('.')}. Check the network or the proxy (HTTPS_PROXY).";

    public static string Status(string source, Uri url, HttpStatusCode status, string? reason, int tries, string? title) =>
        Invariant($"{source} answered {(int)status} {reason ?? status.ToString()}{Tried(tries)}{Titled(title)}: {url}") + (status switch
        {
            HttpStatusCode.NotFound or HttpStatusCode.BadRequest => ". Check the indicator's source on its page.",
            _ => ". Try again later.",
        });

    public static string Timeout(string source, Uri url, TimeSpan timeout, int tries) =>
        Invariant($"{source} did not answer within {Seconds(timeout)} s{Tried(tries)}: {url}. Try again later.");

    public static string BodyTimeout(string source, Uri url, TimeSpan timeout, long bytes) =>
        Invariant($"{source} did not finish sending its data within {Seconds(timeout)} s ({bytes:N0} bytes had arrived): {url}. Try again later.");

    public static string WebPage(string source, Uri url, HttpStatusCode status, string? title) =>
        Invariant($"{source} sent a web page instead of CSV data (HTTP {(int)status}{Titled(title)}): {url}. The service may be down for maintenance; try again later.");

    public static string Truncated(string source, Uri url, long bytes, string how) =>
        Invariant($"{source}'s answer was cut short after {bytes:N0} bytes ({how}): {url}. Try again later.");

    public static string Empty(string source, Uri url) => $"{source} sent an empty answer: {url}. Try again later.";

    public static string MissingColumns(string source, Uri url, IReadOnlyList<string> missing, string header) =>
        $"{source}'s data has changed its layout: it has no {string.Join(", ", missing.Select(m => $"\"{m}\""))} column{(missing.Count > 1 ? "s" : "")}, "
        + $"which the importer needs ({url}). Its header was: {Shorten(header)}";

    public static string HeaderChanged(string source, Uri url, string first, string later) =>
        $"{source}'s answer to {url} has a different header from its first answer's, so the two cannot be joined into one file. "
        + $"First: {Shorten(first)}. Then: {Shorten(later)}";

    public static string RecordTooLong(string source, Uri url) =>
        Invariant($"{source}'s answer has a record longer than {CsvRecords.MaxRecordBytes / (1024 * 1024)} MB (a quote that is never closed), so it is not CSV the importer can read: {url}.");

    public static string StoppedShort(string source, Uri url, long received, long total) =>
        Invariant($"{source} stopped sending rows after {received:N0} of the {total:N0} it announced (RECORD_COUNT): {url}. Try again later.");

    public static string TooLarge(string source, long limit) =>
        Invariant($"{source}'s data is larger than the import limit of {limit / (1024 * 1024):N0} MB (Imports:MaxFileBytes); nothing was kept.");

    private static string Tried(int tries) => tries > 1 ? Invariant($", tried {tries} times") : "";

    private static string Titled(string? title) => title is { Length: > 0 } ? $", a page titled \"{title}\"" : "";

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= MaxHeaderShown ? text : text[..MaxHeaderShown] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

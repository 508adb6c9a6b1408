using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports;

namespace MhEmployment.Web.Features.Refresh;

/// <summary>
/// What a fetch brought back: the response stored in import storage (not yet an import: the refresh registers it), or
/// why there is none, in words for the analyst. <see cref="SourceUrl"/> is the address asked for (the first page's, for NOMIS).
/// </summary>
public sealed record SourceFetch(string SourceUrl, string FileName, ReceivedFile? File, string? Failure)
{
    public bool Succeeded => File is not null;
}

/// <summary>Fetches an indicator's values from its source (see <see cref="Indicator.RefreshSource"/>).</summary>
public interface ISourceFetcher
{
    /// <summary>
    /// Fetches the indicator's source into import storage, following NOMIS's pages into one file. Trouble with the source
    /// (unreachable, an error status, an HTML page instead of CSV, a truncated body, a changed layout, a timeout) is a
    /// failure in words, never an exception, and leaves no file behind. <paramref name="progress"/> gets the bytes received so far.
    /// </summary>
    Task<SourceFetch> FetchAsync(Indicator indicator, IProgress<long>? progress, CancellationToken cancellationToken);
}

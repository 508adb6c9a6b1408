namespace MhEmployment.Web.Features.Refresh.Fetching;

/// <summary>Where the sources are and how patiently they are asked: configuration section "Sources".</summary>
public sealed class SourceOptions
{
    public const string Section = "Sources";

    public Uri FingertipsBaseUrl { get; set; } = new("https://fingertips.phe.org.uk/api/");

    public Uri NomisBaseUrl { get; set; } = new("https://www.nomisweb.co.uk/api/v01/");

    /// <summary>Rows asked for in one NOMIS request: 25,000 is what NOMIS gives a caller without an API key.</summary>
    public int NomisPageSize { get; set; } = 25_000;

    /// <summary>How long one try may take to start answering (the response headers).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one request may take with all its tries and back-off, and then to send its whole body.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Tries after the first on a transient failure (a 5xx, 408 or 429 status, a broken connection, a try that timed out).</summary>
    public int Retries { get; set; } = 3;

    /// <summary>The first back-off; each later one doubles it (with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}

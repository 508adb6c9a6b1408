namespace MhEmployment.Web.Features.Refresh;

/// <summary>
/// The optional refresh schedule (off by default): every <see cref="Interval"/>, a refresh of the whole catalogue that
/// commits each clean file and holds the rest for an analyst. Configuration: Refresh:Schedule:Enabled and
/// Refresh:Schedule:Interval (a time span, e.g. "7.00:00:00" for weekly).
/// </summary>
public sealed record RefreshSchedule(bool Enabled, TimeSpan Interval)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromDays(7);

    /// <summary>The shortest interval taken: a typo such as "00:00:01" must not hammer the sources.</summary>
    public static readonly TimeSpan ShortestInterval = TimeSpan.FromMinutes(1);

    public static RefreshSchedule From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var interval = configuration.GetValue("Refresh:Schedule:Interval", DefaultInterval);
        return new(configuration.GetValue("Refresh:Schedule:Enabled", false), interval < ShortestInterval ? ShortestInterval : interval);
    }

    /// <summary>Whether a scheduled run is due, given when the last one was asked for (null: never).</summary>
    public bool IsDue(DateTime? lastScheduledUtc, DateTime nowUtc) => Enabled && (lastScheduledUtc is null || nowUtc - lastScheduledUtc.Value >= Interval);
}

namespace MhEmployment.Web.Features.Imports.Jobs;

/// <summary>
/// How import jobs are leased (<c>Imports:LeaseSeconds</c>, default 30) and how often a worker looks for jobs queued by
/// other instances and for leases run out (<c>Imports:PollSeconds</c>, default 2). A lease is renewed six times in its
/// length, so a busy database (SQLite's one writer during a commit) can miss several renewals before it runs out.
/// </summary>
public sealed class ImportJobSettings(IConfiguration configuration)
{
    public TimeSpan Lease { get; } = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Imports:LeaseSeconds", 30.0)));

    public TimeSpan Poll { get; } = TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue("Imports:PollSeconds", 2.0)));

    public TimeSpan RenewEvery => Lease / 6;

    /// <summary>A renewal waits this long for the database, then gives up until the next one.</summary>
    public int RenewTimeoutSeconds => Math.Max(1, (int)(RenewEvery.TotalSeconds));
}

namespace MhEmployment.Web.Features.Accounts;

/// <summary>
/// One fixed window of time. Windows start at whole multiples of their length (counted from DateTime's zero, so a
/// minute's windows start on the minute), which lets every app instance name the same window without talking.
/// </summary>
public readonly record struct FixedWindow
{
    private FixedWindow(DateTime startUtc, TimeSpan length) => (StartUtc, Length) = (startUtc, length);

    public DateTime StartUtc { get; }
    public TimeSpan Length { get; }
    public DateTime EndUtc => StartUtc + Length;

    /// <summary>The window of the given length that the moment falls in.</summary>
    public static FixedWindow Containing(DateTimeOffset moment, TimeSpan length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        var ticks = moment.UtcTicks;
        return new FixedWindow(new DateTime(ticks - (ticks % length.Ticks), DateTimeKind.Utc), length);
    }

    /// <summary>Whole seconds from the moment until the window ends, rounded up and at least one: what Retry-After says.</summary>
    public int SecondsLeftAt(DateTimeOffset moment) =>
        Math.Max(1, (int)Math.Ceiling((EndUtc - moment.UtcDateTime).TotalSeconds));
}

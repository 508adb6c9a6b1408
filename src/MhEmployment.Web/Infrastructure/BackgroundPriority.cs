namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// How far below requests background work runs: the steps of Linux's nice value it is given (see <see cref="LowPriority"/>).
/// Each step gives it about 1.25 × less CPU than a request's thread when both want a core (ADR 0026).
/// </summary>
public enum BackgroundPriority
{
    /// <summary>
    /// Work someone is waiting for (an import an analyst watches): requests' threads get about three times its CPU,
    /// so it still moves on a machine kept busy by requests.
    /// </summary>
    Watched = 5,

    /// <summary>
    /// Work nobody waits for (the dashboards' reload of a committed import and the snapshot file saved after it):
    /// requests' threads get about nine times its CPU, and it takes whatever the requests leave.
    /// </summary>
    Unwatched = 10,
}

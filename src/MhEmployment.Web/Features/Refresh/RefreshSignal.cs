using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Refresh;

/// <summary>Wakes the refresh worker when a run is queued on this instance.</summary>
public sealed class RefreshSignal : WakeSignal;

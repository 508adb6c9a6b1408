using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Imports.Jobs;

/// <summary>Wakes this instance's import worker when a job is queued here.</summary>
public sealed class ImportSignal : WakeSignal;

using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Exports.Bulk;

/// <summary>Wakes the bulk export worker when a job is queued on this instance.</summary>
public sealed class BulkExportSignal : WakeSignal;

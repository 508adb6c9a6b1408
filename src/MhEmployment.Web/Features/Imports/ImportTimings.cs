using System.Diagnostics;

namespace MhEmployment.Web.Features.Imports;

/// <summary>How long each step of an import took, logged as it ends (ImportId, Step, ElapsedMs): where the time goes.</summary>
public static partial class ImportTimings
{
    public static Step Start(ILogger logger, int importId, string step) => new(logger, importId, step, Stopwatch.GetTimestamp());

    public readonly struct Step(ILogger logger, int importId, string step, long started) : IDisposable
    {
        public void Dispose()
        {
            var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogStep(logger, importId, step, elapsedMs);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId}: {Step} took {ElapsedMs} ms")]
    private static partial void LogStep(ILogger logger, int importId, string step, long elapsedMs);
}

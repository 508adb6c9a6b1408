using Polly;

namespace MhEmployment.Web.Features.Refresh.Fetching;

/// <summary>How many times one request was tried, counted by the retry strategy, for the failure's message.</summary>
internal sealed class SourceTries
{
    public static readonly ResiliencePropertyKey<SourceTries> Key = new("MhEmployment.SourceTries");

    public int Count { get; private set; } = 1;

    public static ValueTask CountRetry(ResilienceContext context)
    {
        if (context.Properties.TryGetValue(Key, out var tries))
            tries.Count++;
        return ValueTask.CompletedTask;
    }
}

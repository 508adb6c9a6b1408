using MhEmployment.Web.Features.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// Stands between the dashboards and their data: a test can hold the next reload half-way (the new data read but
/// not yet served) and see what readers get meanwhile, and can see which indicators each reload read again.
/// </summary>
public sealed class ReloadGate
{
    private Hold? next;

    /// <summary>What the latest reload (or first load from saved files) was told had changed (null: everything).</summary>
    public ChangedIndicators? LastChanged { get; private set; }

    /// <summary>Holds the next reload (not a first load from the database; a first load from saved files is one) once it has read the data, until the hold is released.</summary>
    public Hold HoldNextReload() => next = new Hold();

    /// <summary>Puts the gate in front of the app's dashboard source, for <see cref="AppFactory"/>'s services.</summary>
    public void AddTo(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<IDashboardSource>(
        provider => new Gated(new DashboardSource(provider.GetRequiredService<IServiceScopeFactory>()), this)));

    public sealed class Hold
    {
        private readonly TaskCompletionSource reading = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Done once the held reload has read the new data.</summary>
        public Task Reading => reading.Task;

        public void Release() => released.TrySetResult();

        internal async Task PassAsync()
        {
            reading.TrySetResult();
            await released.Task;
        }
    }

    private sealed class Gated(IDashboardSource inner, ReloadGate gate) : IDashboardSource
    {
        public Task<long> LatestVersionAsync(CancellationToken cancellationToken) => inner.LatestVersionAsync(cancellationToken);

        public Task<ChangedIndicators?> ChangedAsync(long after, long upTo, CancellationToken cancellationToken) =>
            inner.ChangedAsync(after, upTo, cancellationToken);

        public async Task<ValueSnapshot> LoadAsync(long version, ValueSnapshot? previous, ChangedIndicators? changed, CancellationToken cancellationToken)
        {
            var loaded = await inner.LoadAsync(version, previous, changed, cancellationToken);
            if (previous is not null)
            {
                gate.LastChanged = changed;
                if (Interlocked.Exchange(ref gate.next, null) is { } hold)
                {
                    await hold.PassAsync();
                }
            }
            return loaded;
        }

        public Task<DateTime?> ChangeTimeAsync(long version, CancellationToken cancellationToken) => inner.ChangeTimeAsync(version, cancellationToken);

        public Task<IReadOnlyList<Web.Domain.Indicator>> CatalogueAsync(CancellationToken cancellationToken) => inner.CatalogueAsync(cancellationToken);
    }
}

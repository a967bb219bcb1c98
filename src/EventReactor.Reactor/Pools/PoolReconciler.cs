using System.Globalization;
using EventReactor.Reactor.Outbox;
using EventReactor.Contracts;
using EventReactor.Contracts.Reactor;
using EventReactor.Contracts.Pools;
using EventReactor.Core.Diagnostics;
using EventReactor.Core.Pools;
using EventReactor.Messaging;
using EventReactor.Reactor.Jobs;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Pools.Provisioning;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventReactor.Reactor.Pools;

/// <summary>
/// Once a second, or when nudged: provisions or destroys minions towards each provider pool's desired size (adopting those
/// still running after a restart, scaling idle ones down), recomputes every pool's members and announces the differences as
/// <c>pool/&lt;name&gt;/join</c> and <c>pool/&lt;name&gt;/leave</c>.
/// </summary>
internal sealed partial class PoolReconciler(
    PoolCatalog catalog,
    IPoolStore store,
    PoolState state,
    PoolSignal signal,
    IMinionStore minions,
    IJobStore jobs,
    IEnumerable<IMinionProvider> providers,
    IEventEmitter emitter,
    LeaseKeeper leases,
    TimeProvider time,
    ILogger<PoolReconciler> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, string> _lastErrors = new(StringComparer.Ordinal);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // A bad pools file at start stops the reactor, as bad rules do; later bad edits only keep the old pools.
        var problems = catalog.Refresh();
        if (problems.Count > 0)
        {
            throw new PoolsFileInvalidException(problems);
        }

        state.Replace(await store.MembersAsync(cancellationToken));
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leases.RunWhileHeldAsync(LeaseName.PoolReconciler, ReconcileWhileHeldAsync, stoppingToken);

    // Only on the lease's holder: providers make and destroy machines, which two reactors must never do at once. Ends by
    // cancellation (the lease lost, or stopping) or by a refused write; the keeper tells which.
    private async Task ReconcileWhileHeldAsync(LeaseToken lease, CancellationToken held)
    {
        // Another reactor may have changed the membership while it held the lease.
        state.Replace(await store.MembersAsync(held));
        while (true)
        {
            held.ThrowIfCancellationRequested();
            try
            {
                await ReconcileAsync(lease, held);
                await signal.WaitAsync(Interval, held);
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or LeaseLostException))
            {
                LogFailed(logger, ex.Message);
                await Task.Delay(Interval, time, held).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    // Internal so tests run one pass at a time under a fake clock.
    internal async Task ReconcileAsync(LeaseToken lease, CancellationToken cancellationToken)
    {
        if (catalog.Refresh() is { Count: > 0 } problems)
        {
            var data = EventData.ToElement(new PoolsRejected(catalog.FilePath, problems.Select(p => p.ToString()).ToList()));
            await emitter.EmitAsync(EventEnvelope.Create(PoolTags.Invalid, ReactorTags.Source, data), lease, cancellationToken);
        }

        var provisioned = await store.ProvisionedAsync(cancellationToken);
        foreach (var pool in catalog.Current.Where(p => p.Provider is not null))
        {
            await ScaleAsync(lease, pool, provisioned.Where(p => p.Pool == pool.Name).ToList(), cancellationToken);
        }

        await UpdateMembershipAsync(lease, await store.ProvisionedAsync(cancellationToken), cancellationToken);
    }

    private async Task ScaleAsync(LeaseToken lease, PoolDefinition pool, List<ProvisionedMinion> recorded, CancellationToken cancellationToken)
    {
        var provider = providers.FirstOrDefault(p => p.Name == pool.Provider);
        if (provider is null)
        {
            ReportOnce(pool.Name, $"pool '{pool.Name}': unknown provider '{pool.Provider}'; known: {string.Join(", ", providers.Select(p => p.Name))}");
            return;
        }

        // What the provider still runs is adopted; records of minions that died are dropped (and replaced below if wanted).
        var living = new List<ProvisionedMinion>();
        foreach (var minion in recorded)
        {
            if (provider.IsRunning(minion))
            {
                living.Add(minion);
            }
            else
            {
                await store.DeleteProvisionedAsync(minion.Minion, cancellationToken);
            }
        }

        var sizes = await store.DesiredSizesAsync(cancellationToken);
        var desired = Math.Clamp(sizes.TryGetValue(pool.Name, out var size) ? size : pool.Min, pool.Min, pool.Max);
        if (pool.IdleShutdown is { } idle && living.Count > pool.Min)
        {
            foreach (var minion in living.OrderByDescending(m => Ordinal(m.Minion)).ToList())
            {
                // Idleness counts from joining the pool (the minion became present), not from creation: one still starting is not idle.
                var idleSince = time.GetUtcNow() - idle;
                var member = state.Members.FirstOrDefault(m => m.Pool == pool.Name && m.Minion == minion.Minion);
                if (living.Count > pool.Min && member is not null && member.Since < idleSince && !await jobs.HasJobSinceAsync(minion.Minion, idleSince, cancellationToken))
                {
                    LogIdle(logger, minion.Minion, pool.Name, idle);
                    await DestroyAsync(provider, minion, cancellationToken);
                    living.Remove(minion);
                    desired = Math.Max(pool.Min, Math.Min(desired, living.Count));
                    await store.SetDesiredSizeAsync(pool.Name, desired, cancellationToken);
                }
            }
        }

        if (living.Count > desired)
        {
            foreach (var minion in living.OrderByDescending(m => Ordinal(m.Minion)).Take(living.Count - desired))
            {
                await DestroyAsync(provider, minion, cancellationToken);
            }
        }
        else if (living.Count < desired)
        {
            try
            {
                provider.EnsureUsable(pool);
            }
            catch (PoolException ex)
            {
                ReportOnce(pool.Name, ex.Message);
                return;
            }

            var used = living.Select(m => m.Minion).ToHashSet(StringComparer.Ordinal);
            var made = new List<string>();
            var failed = 0;
            for (var n = 1; made.Count + failed < desired - living.Count; n++)
            {
                var id = $"{pool.Name}-{n.ToString(CultureInfo.InvariantCulture)}";
                if (used.Contains(id))
                {
                    continue;
                }

                // One minion that cannot be made is reported and tried again on a later pass; it does not hold up the others.
                try
                {
                    var minion = await provider.CreateAsync(pool, id, cancellationToken);
                    await store.SaveProvisionedAsync(minion, cancellationToken);
                    made.Add(id);
                }
                catch (MinionProvisioningException ex)
                {
                    failed++;
                    await ReportFailureAsync(lease, pool, provider, id, ex, cancellationToken);
                }
                catch (PoolException ex)
                {
                    ReportOnce(pool.Name, ex.Message);
                    break;
                }
            }

            if (made.Count > 0)
            {
                var data = EventData.ToElement(new PoolProvisioningStarted(pool.Name, provider.Name, made, desired));
                await emitter.EmitAsync(EventEnvelope.Create(PoolTags.Provisioning(pool.Name), ReactorTags.Source, data), lease, cancellationToken);
            }

            if (failed > 0 || made.Count + failed < desired - living.Count)
            {
                return;
            }
        }

        _lastErrors.Remove(pool.Name);
    }

    private async Task ReportFailureAsync(LeaseToken lease, PoolDefinition pool, IMinionProvider provider, string minion, MinionProvisioningException failure, CancellationToken cancellationToken)
    {
        LogProvisioningFailed(logger, minion, pool.Name, failure.Message);
        var data = EventData.ToElement(new PoolProvisioningFailed(pool.Name, provider.Name, minion, failure.Host, failure.Step, failure.Message));
        await emitter.EmitAsync(EventEnvelope.Create(PoolTags.ProvisioningFailed(pool.Name), ReactorTags.Source, data), lease, cancellationToken);
    }

    private async Task DestroyAsync(IMinionProvider provider, ProvisionedMinion minion, CancellationToken cancellationToken)
    {
        await provider.DestroyAsync(minion, cancellationToken);
        await store.DeleteProvisionedAsync(minion.Minion, cancellationToken);
    }

    private async Task UpdateMembershipAsync(LeaseToken lease, IReadOnlyList<ProvisionedMinion> provisioned, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var known = await minions.ListAsync(cancellationToken);
        var present = known.Where(m => m.Present).ToList();
        var presentIds = present.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var wanted = PoolMembership.Compute(catalog.Current, present, await store.AdditionsAsync(cancellationToken), provisioned);
        var current = state.Members.ToDictionary(m => (m.Pool, m.Minion));
        var joined = wanted.Where(w => !current.ContainsKey(w.Key)).Select(w => new PoolMember(w.Key.Pool, w.Key.Minion, w.Value, now)).ToList();
        var left = current.Values.Where(m => !wanted.ContainsKey((m.Pool, m.Minion))).ToList();
        if (joined.Count == 0 && left.Count == 0)
        {
            return;
        }

        await store.SaveMembershipChangesAsync(joined, left, cancellationToken);
        state.Replace(current.Values.Except(left).Concat(joined).OrderBy(m => m.Pool, StringComparer.Ordinal).ThenBy(m => m.Minion, StringComparer.Ordinal).ToList());
        foreach (var member in joined)
        {
            await AnnounceAsync(lease, PoolMembershipChange.Join, member.Pool, member.Minion, member.Reason, cancellationToken);
        }

        foreach (var member in left)
        {
            var reason = PoolMembership.LeaveReason(member, presentIds, provisioned);
            await AnnounceAsync(lease, PoolMembershipChange.Leave, member.Pool, member.Minion, reason, cancellationToken);
        }
    }

    private async Task AnnounceAsync(LeaseToken lease, PoolMembershipChange change, string pool, string minion, string reason, CancellationToken cancellationToken)
    {
        LogMembership(logger, minion, change, pool, reason);
        var data = EventData.ToElement(new PoolMembershipChanged(pool, minion, reason));
        await emitter.EmitAsync(EventEnvelope.Create(PoolTags.Membership(pool, change), ReactorTags.Source, data), lease, cancellationToken);
    }

    private void ReportOnce(string pool, string message)
    {
        if (_lastErrors.GetValueOrDefault(pool) != message)
        {
            _lastErrors[pool] = message;
            LogPoolError(logger, message);
        }
    }

    // pool-12 sorts after pool-9: scale down removes the newest first.
    private static int Ordinal(string minion) =>
        int.TryParse(minion[(minion.LastIndexOf('-') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    [LoggerMessage(Level = LogLevel.Information, Message = "Minion {Minion} {Change} pool {Pool} ({Reason})")]
    private static partial void LogMembership(ILogger logger, string minion, PoolMembershipChange change, string pool, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Minion {Minion} of pool {Pool} had no job for {Idle}; scaling it down")]
    private static partial void LogIdle(ILogger logger, string minion, string pool, TimeSpan idle);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not make minion {Minion} for pool {Pool}: {Reason}")]
    private static partial void LogProvisioningFailed(ILogger logger, string minion, string pool, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private static partial void LogPoolError(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pool reconciliation failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}

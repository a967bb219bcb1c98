using System.Collections.Concurrent;
using EventReactor.Contracts.Pools;
using EventReactor.Core.Pools;
using EventReactor.Messaging;
using EventReactor.Messaging.Resilience;
using EventReactor.Reactor.Keys;
using EventReactor.Reactor.Minions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace EventReactor.Reactor.Pools.Provisioning.Ssh;

/// <summary>
/// <c>ssh</c>: minions on the machines a pool lists under <c>hosts:</c>, one per host. Create connects (pinned host key), checks
/// the architecture, uploads the single-file minion (<c>eventreactor-minion</c>, as the .deb ships it) unless its SHA-256 matches, writes the minion's environment (bus, reactor,
/// grains) and a fresh enrollment token, starts it as a systemd unit or a process in its own session, and waits until the
/// minion is accepted and present. The handle is <c>user@address:port</c>. See docs/providers.md.
/// </summary>
internal sealed partial class SshMinionProvider(
    PoolCatalog catalog,
    IPoolStore store,
    IMinionStore minions,
    MinionKeyService keys,
    MinionBuild build,
    IOptions<SshProviderOptions> options,
    IOptions<ReactorOptions> reactor,
    IOptions<BusOptions> bus,
    ResiliencePipelineProvider<string> pipelines,
    TimeProvider time,
    ILogger<SshMinionProvider> logger) : IMinionProvider
{
    public const string ProviderName = "ssh";

    // Long enough to upload, start and enroll; an unused token is worthless after it.
    private static readonly TimeSpan EnrollmentTokenLifetime = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _failedUntil = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (bool Running, DateTimeOffset At)> _checked = new(StringComparer.Ordinal);

    public string Name => ProviderName;

    private string MinionBusUrl => options.Value.BusUrl is { Length: > 0 } url ? url : bus.Value.Url;

    private string MinionReactorUrl => options.Value.ReactorUrl is { Length: > 0 } url ? url : reactor.Value.LocalApiUrl();

    public void EnsureUsable(PoolDefinition pool)
    {
        if (pool.Hosts.Count == 0)
        {
            throw new PoolException($"pool '{pool.Name}': the ssh provider needs 'hosts:' in the pools file (address, user, key, host_key)");
        }

        _ = build.Files;

        var busAddress = BusAddress.Parse(MinionBusUrl);
        if (busAddress.InMemory || IsLoopback(MinionBusUrl))
        {
            throw new PoolException($"pool '{pool.Name}': minions on other hosts cannot reach the broker at '{MinionBusUrl}'; set {SshProviderOptions.Section}:{nameof(SshProviderOptions.BusUrl)} to an address they reach");
        }

        if (IsLoopback(MinionReactorUrl))
        {
            throw new PoolException($"pool '{pool.Name}': minions on other hosts cannot enroll at '{MinionReactorUrl}'; set {SshProviderOptions.Section}:{nameof(SshProviderOptions.ReactorUrl)} to the API address they reach");
        }
    }

    public async Task<ProvisionedMinion> CreateAsync(PoolDefinition pool, string minionId, CancellationToken cancellationToken)
    {
        EnsureUsable(pool);
        var host = await PickHostAsync(pool, minionId, cancellationToken);
        try
        {
            var started = await pipelines.GetPipeline(ResiliencePipelineNames.SshProvision)
                .ExecuteAsync(async token => await InstallAsync(pool, host, minionId, token), cancellationToken);
            if (started)
            {
                await WaitUntilPresentAsync(host, minionId, cancellationToken);
            }
        }
        catch (MinionProvisioningException)
        {
            // Passed over for a while, so that the next minion goes to another host rather than queueing behind this one.
            _failedUntil[host.Handle] = time.GetUtcNow() + options.Value.FailureCooldown;
            throw;
        }

        _failedUntil.TryRemove(host.Handle, out _);
        _checked[minionId] = (true, time.GetUtcNow());
        return new ProvisionedMinion(minionId, pool.Name, Name, host.Handle, time.GetUtcNow());
    }

    public async Task DestroyAsync(ProvisionedMinion minion, CancellationToken cancellationToken)
    {
        _checked.TryRemove(minion.Minion, out _);
        if (FindHost(minion) is { } host)
        {
            using var session = await SshSession.ConnectAsync(host, options.Value.ConnectTimeout, cancellationToken);
            await session.RunAsync(SshMinionScripts.Stop(host.Directory, minion.Minion), ProvisioningStep.Install, cancellationToken);
            await session.RunAsync(SshMinionScripts.Remove(host.Directory, minion.Minion, build.Files.Select(f => f.RemoteName)), ProvisioningStep.Install, cancellationToken);
            LogDestroyed(logger, minion.Minion, host.Handle);
        }

        // The id may be made again later, on another host with another key: the old key must not deny it.
        if ((await keys.ListAsync(cancellationToken)).Any(k => k.Minion == minion.Minion))
        {
            await keys.DeleteAsync(minion.Minion, cancellationToken);
        }
    }

    public bool IsRunning(ProvisionedMinion minion)
    {
        if (_checked.TryGetValue(minion.Minion, out var last) && time.GetUtcNow() - last.At < options.Value.CheckInterval)
        {
            return last.Running;
        }

        var running = CheckAsync(minion).GetAwaiter().GetResult();
        _checked[minion.Minion] = (running, time.GetUtcNow());
        return running;
    }

    // Adoption: a minion still installed on its host is ours; one whose process died is started again (the supervision of the
    // background process); a host that does not answer counts as running, since presence already shows the minion lost.
    private async Task<bool> CheckAsync(ProvisionedMinion minion)
    {
        if (FindHost(minion) is not { } host)
        {
            LogHostGone(logger, minion.Minion, minion.Handle, minion.Pool);
            return false;
        }

        try
        {
            using var session = await SshSession.ConnectAsync(host, options.Value.ConnectTimeout, CancellationToken.None);
            var status = (await session.RunAsync(SshMinionScripts.Status(host.Directory, minion.Minion), ProvisioningStep.Connect, CancellationToken.None)).Trim();
            if (status == "stopped")
            {
                var facts = await HostFacts.DetectAsync(session, host, CancellationToken.None);
                await session.WriteAsync($"{host.Directory}/enrollment.token", await NewTokenAsync(CancellationToken.None), ProvisioningStep.Start, CancellationToken.None);
                await session.RunAsync(SshMinionScripts.Start(host.Directory, minion.Minion, facts.UsesSystemd), ProvisioningStep.Start, CancellationToken.None);
                LogRestarted(logger, minion.Minion, host.Handle);
                return true;
            }

            return status == "running";
        }
        catch (MinionProvisioningException ex)
        {
            LogUnreachable(logger, minion.Minion, ex.Message);
            return true;
        }
    }

    // Returns whether it started the minion (false: the host already ran this very minion, and nothing was changed).
    private async Task<bool> InstallAsync(PoolDefinition pool, PoolHost host, string minionId, CancellationToken cancellationToken)
    {
        using var session = await SshSession.ConnectAsync(host, options.Value.ConnectTimeout, cancellationToken);
        var facts = await HostFacts.DetectAsync(session, host, cancellationToken);
        var dir = host.Directory;
        await session.RunAsync($"mkdir -p {SshShell.Quote(dir)}/data", ProvisioningStep.Upload, cancellationToken);
        var uploaded = false;
        foreach (var file in build.Files)
        {
            uploaded |= await UploadIfChangedAsync(session, host, minionId, file, cancellationToken);
        }

        var environment = MinionEnvironment(pool);
        var current = await session.RunAsync($"cat {SshShell.Quote(dir)}/minion.env 2>/dev/null || true", ProvisioningStep.Install, cancellationToken);
        var status = (await session.RunAsync(SshMinionScripts.Status(dir, minionId), ProvisioningStep.Install, cancellationToken)).Trim();
        if (!uploaded && current == environment && status == "running")
        {
            LogUnchanged(logger, minionId, host.Handle);
            return false;
        }

        await session.RunAsync(SshMinionScripts.Stop(dir, minionId), ProvisioningStep.Install, cancellationToken);
        await session.RunAsync(SshMinionScripts.RemoveEarlierBuild(dir), ProvisioningStep.Install, cancellationToken);
        await session.WriteAsync($"{dir}/minion.env", environment, ProvisioningStep.Install, cancellationToken);
        if (facts.UsesSystemd)
        {
            await session.WriteAsync(SshMinionScripts.Unit(minionId), SshMinionScripts.UnitFile(dir, minionId), ProvisioningStep.Install, cancellationToken);
            await session.RunAsync($"chmod 644 {SshShell.Quote(SshMinionScripts.Unit(minionId))}", ProvisioningStep.Install, cancellationToken);
        }

        await session.WriteAsync($"{dir}/enrollment.token", await NewTokenAsync(cancellationToken), ProvisioningStep.Start, cancellationToken);
        await session.RunAsync(SshMinionScripts.Start(dir, minionId, facts.UsesSystemd), ProvisioningStep.Start, cancellationToken);
        LogStarted(logger, minionId, host.Handle, facts.Os, facts.UsesSystemd ? "systemd unit" : "background process");
        return true;
    }

    private static async Task<bool> UploadIfChangedAsync(SshSession session, PoolHost host, string minionId, MinionBuildFile file, CancellationToken cancellationToken)
    {
        var target = $"{host.Directory}/{file.RemoteName}";
        var remote = await session.RunAsync($"sha256sum {SshShell.Quote(target)} 2>/dev/null || true", ProvisioningStep.Upload, cancellationToken);
        if (remote.StartsWith(file.Sha256, StringComparison.Ordinal))
        {
            return false;
        }

        // Uploaded beside /tmp as the login user (sudo or not), then renamed into place: a running old binary is not overwritten.
        var staged = $"/tmp/eventreactor-{minionId}-{file.RemoteName}.upload";
        await session.UploadAsync(file.LocalPath, staged, cancellationToken);
        var next = $"{host.Directory}/.{file.RemoteName}.new";
        await session.RunAsync(
            $"cp {SshShell.Quote(staged)} {SshShell.Quote(next)} && rm -f {SshShell.Quote(staged)} && chmod 755 {SshShell.Quote(next)} && mv -f {SshShell.Quote(next)} {SshShell.Quote(target)}",
            ProvisioningStep.Upload,
            cancellationToken);
        return true;
    }

    private string MinionEnvironment(PoolDefinition pool)
    {
        var lines = SshShell.EnvironmentLine("EVENTREACTOR_MINION_BUS", MinionBusUrl)
            + SshShell.EnvironmentLine("EVENTREACTOR__Minion__Reactor", MinionReactorUrl)
            + SshShell.EnvironmentLine("EVENTREACTOR__Minion__Grains__pool", pool.Name)

            // As eventreactor-minion.service of the .deb runs it (docs/performance.md, "Minion footprint"); the runtime's own
            // settings (tiered compilation off, workstation GC without concurrency) are in the executable's runtimeconfig.
            + SshShell.EnvironmentLine("MALLOC_ARENA_MAX", "1");
        foreach (var (key, value) in pool.Grains.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            lines += SshShell.EnvironmentLine($"EVENTREACTOR__Minion__Grains__{key}", value);
        }

        return lines;
    }

    private async Task<string> NewTokenAsync(CancellationToken cancellationToken) =>
        (await keys.CreateTokenAsync(EnrollmentTokenLifetime, cancellationToken)).Token;

    private async Task<PoolHost> PickHostAsync(PoolDefinition pool, string minionId, CancellationToken cancellationToken)
    {
        var taken = (await store.ProvisionedAsync(cancellationToken))
            .Where(p => p.Provider == Name && p.Minion != minionId)
            .Select(p => p.Handle)
            .ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var free = pool.Hosts.Where(h => !taken.Contains(h.Handle)).ToList();
        // Not a provisioning failure: nothing was tried, and the hosts that failed were reported when they did.
        return free.FirstOrDefault(h => !_failedUntil.TryGetValue(h.Handle, out var until) || until <= now)
            ?? throw new PoolException(free.Count == 0
                ? $"pool '{pool.Name}': no free host for {minionId}; all {pool.Hosts.Count} in 'hosts' run a minion"
                : $"pool '{pool.Name}': no free host for {minionId}; {string.Join(", ", free.Select(h => h.Handle))} failed recently and wait {options.Value.FailureCooldown.TotalSeconds:0}s");
    }

    private async Task WaitUntilPresentAsync(PoolHost host, string minionId, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.Value.StartTimeout;
        var accepted = false;
        while (time.GetUtcNow() < deadline)
        {
            accepted = accepted || await keys.IsAcceptedAsync(minionId, cancellationToken);
            if (accepted && await minions.FindAsync(minionId, cancellationToken) is { Present: true })
            {
                return;
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }

        throw new MinionProvisioningException(
            host.Handle,
            accepted ? ProvisioningStep.Start : ProvisioningStep.Enrollment,
            accepted
                ? $"{minionId} was accepted but sent no start event within {options.Value.StartTimeout.TotalSeconds:0}s (see {host.Directory}/minion.log there)"
                : $"{minionId} did not enroll at {MinionReactorUrl} within {options.Value.StartTimeout.TotalSeconds:0}s (see {host.Directory}/minion.log there)");
    }

    private PoolHost? FindHost(ProvisionedMinion minion) =>
        catalog.Current.FirstOrDefault(p => p.Name == minion.Pool)?.Hosts.FirstOrDefault(h => h.Handle == minion.Handle);

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Host is "localhost" or "0.0.0.0");

    [LoggerMessage(Level = LogLevel.Information, Message = "Started minion {Minion} on {Host} ({Os}, {How})")]
    private static partial void LogStarted(ILogger logger, string minion, string host, string os, string how);

    [LoggerMessage(Level = LogLevel.Information, Message = "Minion {Minion} already runs on {Host} with this build and configuration; nothing changed")]
    private static partial void LogUnchanged(ILogger logger, string minion, string host);

    [LoggerMessage(Level = LogLevel.Information, Message = "Minion {Minion} was installed on {Host} but not running; started it again")]
    private static partial void LogRestarted(ILogger logger, string minion, string host);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped and removed minion {Minion} on {Host}")]
    private static partial void LogDestroyed(ILogger logger, string minion, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot check minion {Minion}: {Reason}; counted as running until the host answers")]
    private static partial void LogUnreachable(ILogger logger, string minion, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Minion {Minion} was made on {Host}, which pool {Pool} no longer lists; its record is dropped")]
    private static partial void LogHostGone(ILogger logger, string minion, string host, string pool);
}

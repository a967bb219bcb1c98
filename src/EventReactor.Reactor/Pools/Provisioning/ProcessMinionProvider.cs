using System.Diagnostics;
using System.Globalization;
using EventReactor.Core.Pools;
using EventReactor.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Pools.Provisioning;

/// <summary>
/// <c>process</c>: minions as local processes (<c>eventreactor minion --id POOL-N --bus URL</c>), each with its own data folder
/// and custom grains. They run in their own session, detached from the reactor, so they outlive a reactor restart and are adopted:
/// a recorded pid whose <c>/proc/PID/cmdline</c> still names the minion id is the same minion.
/// </summary>
internal sealed partial class ProcessMinionProvider(
    IOptions<ReactorOptions> reactor,
    IOptions<BusOptions> bus,
    Keys.MinionKeyService keys,
    TimeProvider time,
    ILogger<ProcessMinionProvider> logger) : IMinionProvider
{
    public const string ProviderName = "process";
    private static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(10);

    // Long enough for a minion to start and enroll; an unused token is worthless after it.
    private static readonly TimeSpan EnrollmentTokenLifetime = TimeSpan.FromMinutes(10);

    public string Name => ProviderName;

    public void EnsureUsable(PoolDefinition pool)
    {
        if (BusAddress.Parse(bus.Value.Url).InMemory)
        {
            throw new PoolException($"pool '{pool.Name}': the process provider starts minions as separate processes, which need a real broker; Bus:Url is memory:// (run 'eventreactor reactor --bus rabbitmq://...')");
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new PoolException($"pool '{pool.Name}': the process provider needs Linux (/proc, setsid)");
        }
    }

    public async Task<ProvisionedMinion> CreateAsync(PoolDefinition pool, string minionId, CancellationToken cancellationToken)
    {
        EnsureUsable(pool);
        var dataPath = Path.GetFullPath(Path.Combine(reactor.Value.DataPath, "provisioned", minionId));
        Directory.CreateDirectory(dataPath);

        // sh starts setsid in the background and prints its pid, then exits: the minion is orphaned into its own session,
        // so neither the reactor's death nor a kill of the reactor's process tree reaches it. setsid execs in place, keeping the pid.
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = dataPath,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("setsid \"$@\" >minion.log 2>&1 </dev/null & echo $!");
        start.ArgumentList.Add("sh");
        foreach (var part in MinionLaunchCommand.Resolve())
        {
            start.ArgumentList.Add(part);
        }

        start.ArgumentList.Add("minion");
        start.ArgumentList.Add("--id");
        start.ArgumentList.Add(minionId);
        start.ArgumentList.Add("--bus");
        start.ArgumentList.Add(bus.Value.Url);
        start.Environment["EVENTREACTOR__Minion__WatchDocker"] = "false";
        start.Environment["EVENTREACTOR__Minion__DataPath"] = dataPath;
        start.Environment["EVENTREACTOR__Minion__Grains__pool"] = pool.Name;

        // The provider seeds a single-use enrollment token, so that the minion it made is accepted without an operator.
        start.Environment["EVENTREACTOR__Minion__Reactor"] = reactor.Value.LocalApiUrl();
        start.Environment["EVENTREACTOR__Minion__EnrollmentToken"] = (await keys.CreateTokenAsync(EnrollmentTokenLifetime, cancellationToken)).Token;
        foreach (var (key, value) in pool.Grains)
        {
            start.Environment[$"EVENTREACTOR__Minion__Grains__{key}"] = value;
        }

        using var shell = Process.Start(start) ?? throw new PoolException($"pool '{pool.Name}': could not start /bin/sh to launch {minionId}");
        var output = await shell.StandardOutput.ReadToEndAsync(cancellationToken);
        await shell.WaitForExitAsync(cancellationToken);
        if (!int.TryParse(output.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            throw new PoolException($"pool '{pool.Name}': launching {minionId} gave no pid (output '{output.Trim()}')");
        }

        LogStarted(logger, minionId, pid, dataPath);
        return new ProvisionedMinion(minionId, pool.Name, Name, pid.ToString(CultureInfo.InvariantCulture), time.GetUtcNow());
    }

    public Task DestroyAsync(ProvisionedMinion minion, CancellationToken cancellationToken)
    {
        if (!IsRunning(minion))
        {
            return Task.CompletedTask;
        }

        var pid = int.Parse(minion.Handle, CultureInfo.InvariantCulture);
        Signal(pid, "TERM");
        LogStopping(logger, minion.Minion, pid);

        // SIGTERM lets the minion say goodbye; one that hangs is killed later, without holding up the reconciler.
        _ = Task.Run(
            async () =>
            {
                await Task.Delay(KillAfter, CancellationToken.None);
                if (IsRunning(minion))
                {
                    Signal(pid, "KILL");
                }
            },
            CancellationToken.None);
        return Task.CompletedTask;
    }

    public bool IsRunning(ProvisionedMinion minion)
    {
        if (!int.TryParse(minion.Handle, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        try
        {
            // A reused pid runs something else: only a process whose arguments name this minion is ours.
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            var at = Array.IndexOf(arguments, "--id");
            return at >= 0 && at + 1 < arguments.Length && arguments[at + 1] == minion.Minion && arguments.Contains("minion");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
        kill?.WaitForExit();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started minion {Minion} as pid {Pid} in {DataPath}")]
    private static partial void LogStarted(ILogger logger, string minion, int pid, string dataPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping minion {Minion} (pid {Pid})")]
    private static partial void LogStopping(ILogger logger, string minion, int pid);
}

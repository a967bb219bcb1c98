using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// Three test hosts for the ssh provider: network namespaces on a private /24 (10.201.X.0/24, the reactor's side .1 on a
/// bridge), each running Debian's sshd on its own address with a host key and an authorized key made here; a broker user the
/// minions use from off loopback; and the single-file minion build, made once per source state. Everything is torn down after.
/// </summary>
public sealed class SshLab : IAsyncLifetime
{
    public const int HostCount = 3;
    private readonly string _id = Guid.NewGuid().ToString("N")[..6];
    private readonly List<Process> _daemons = [];
    private readonly DirectoryInfo _root = ExecutableFolder();

    public string Subnet { get; private set; } = string.Empty;

    public string Gateway => $"{Subnet}.1";

    public string KeyFile => Path.Combine(_root.FullName, "client_key");

    public string BrokerUser => $"er-ssh-{_id}";

    public string BrokerPassword { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public string MinionBinary { get; private set; } = string.Empty;

    public IReadOnlyList<string> Fingerprints { get; private set; } = [];

    private string Bridge => $"er{_id}";

    public string Address(int host) => $"{Subnet}.{10 + host}";

    public string Namespace(int host) => $"er-ssh-{_id}-{host}";

    /// <summary>A folder for a test's minion on a host (the hosts share this machine's file system).</summary>
    public string HostDirectory(int host, string test) => Path.Combine(_root.FullName, "hosts", host.ToString(CultureInfo.InvariantCulture), test);

    /// <summary>One <c>hosts:</c> entry; <paramref name="fingerprint"/> overrides the pinned key.</summary>
    public string HostYaml(int host, string test, string? fingerprint = null, string? directory = null) =>
        $"      - {{ address: {Address(host)}, user: root, key: {KeyFile}, host_key: \"{fingerprint ?? Fingerprints[host - 1]}\", dir: {directory ?? HostDirectory(host, test)} }}\n";

    public async Task InitializeAsync()
    {
        foreach (var tool in new[] { "/usr/sbin/sshd", "/usr/bin/ssh-keygen", "/usr/sbin/ip", "/usr/sbin/rabbitmqctl" })
        {
            if (!File.Exists(tool) && !File.Exists(tool.Replace("/usr/sbin/", "/usr/bin/", StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"{tool} is missing: the ssh provider tests need openssh-server, iproute2 and rabbitmq-server; run: sudo deploy/dev/services.sh");
            }
        }

        MinionBinary = await MinionBuildCache.GetAsync();
        Subnet = await FreeSubnetAsync();
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-C", "eventreactor-test", "-f", KeyFile);
        File.Copy(KeyFile + ".pub", Path.Combine(_root.FullName, "authorized_keys"));
        Directory.CreateDirectory("/run/sshd");
        await RunAsync("ip", "link", "add", Bridge, "type", "bridge");
        await RunAsync("ip", "addr", "add", $"{Gateway}/24", "dev", Bridge);
        await RunAsync("ip", "link", "set", Bridge, "up");
        var fingerprints = new List<string>();
        for (var host = 1; host <= HostCount; host++)
        {
            fingerprints.Add(await StartHostAsync(host));
        }

        Fingerprints = fingerprints;
        await RabbitVirtualHost.RabbitMqCtlAsync("add_user", BrokerUser, BrokerPassword);
        await EnsureHostsReachBrokerAsync();
    }

    /// <summary>Lets the lab's broker user into a test's virtual host; returns the bus URL as the hosts reach it.</summary>
    public async Task<string> GrantAsync(string virtualHost)
    {
        await RabbitVirtualHost.RabbitMqCtlAsync("set_permissions", "-p", virtualHost, BrokerUser, ".*", ".*", ".*");
        return $"rabbitmq://{BrokerUser}:{BrokerPassword}@{Gateway}:5672/{virtualHost}";
    }

    /// <summary>The end of every minion.log a test's minions wrote on the hosts, for a failure's message.</summary>
    public string MinionLogs(string test)
    {
        var logs = Directory.EnumerateFiles(Path.Combine(_root.FullName, "hosts"), "minion.log", SearchOption.AllDirectories)
            .Where(f => f.Contains(test, StringComparison.Ordinal))
            .Select(f => $"== {f}\n{string.Join('\n', File.ReadLines(f).TakeLast(40))}")
            .ToList();
        return logs.Count == 0 ? $"no minion.log on any host for {test}" : string.Join('\n', logs);
    }

    /// <summary>Kills every process in the hosts but their sshd: the minions a test left.</summary>
    public async Task KillMinionsAsync()
    {
        var daemons = _daemons.Select(d => d.Id).ToHashSet();
        for (var host = 1; host <= HostCount; host++)
        {
            var pids = await RunAsync("ip", "netns", "pids", Namespace(host));
            foreach (var pid in pids.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).Where(p => !daemons.Contains(p)))
            {
                // Children of a session's sshd are in the namespace too; only the minions are not sshd. A process may end
                // between the listing and the read (a session's short-lived command): nothing to kill then.
                string commandLine;
                try
                {
                    commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
                }
                catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException)
                {
                    continue;
                }

                if (!commandLine.StartsWith("sshd", StringComparison.Ordinal) && !commandLine.Contains("/usr/sbin/sshd", StringComparison.Ordinal))
                {
                    Signals.Send(pid, "KILL");
                }
            }
        }
    }

    public async Task DisposeAsync()
    {
        await KillMinionsAsync();
        foreach (var daemon in _daemons)
        {
            daemon.Kill(entireProcessTree: true);
            daemon.Dispose();
        }

        for (var host = 1; host <= HostCount; host++)
        {
            await RunAsync(false, "ip", "netns", "del", Namespace(host));
        }

        await RunAsync(false, "ip", "link", "del", Bridge);
        await RabbitVirtualHost.RabbitMqCtlAsync("delete_user", BrokerUser);
        _root.Delete(recursive: true);
    }

    private async Task<string> StartHostAsync(int host)
    {
        var ns = Namespace(host);
        var (outside, inside) = ($"er{_id}h{host}", $"er{_id}n{host}");
        await RunAsync("ip", "netns", "add", ns);
        await RunAsync("ip", "link", "add", outside, "type", "veth", "peer", "name", inside);
        await RunAsync("ip", "link", "set", outside, "master", Bridge, "up");
        await RunAsync("ip", "link", "set", inside, "netns", ns);
        await RunAsync("ip", "netns", "exec", ns, "ip", "addr", "add", $"{Address(host)}/24", "dev", inside);
        await RunAsync("ip", "netns", "exec", ns, "ip", "link", "set", inside, "up");
        await RunAsync("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");

        var key = Path.Combine(_root.FullName, $"host{host}_key");
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-C", $"host{host}", "-f", key);
        var fingerprint = (await RunAsync("ssh-keygen", "-lf", key + ".pub")).Split(' ')[1];
        var config = Path.Combine(_root.FullName, $"sshd{host}.conf");
        File.WriteAllText(config, $"""
            ListenAddress {Address(host)}
            Port 22
            HostKey {key}
            PidFile {_root.FullName}/sshd{host}.pid
            AuthorizedKeysFile {_root.FullName}/authorized_keys
            StrictModes no
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            Subsystem sftp internal-sftp

            """);
        var start = new ProcessStartInfo("ip", ["netns", "exec", ns, "/usr/sbin/sshd", "-D", "-e", "-f", config]) { UseShellExecute = false, RedirectStandardError = true };
        var daemon = Process.Start(start) ?? throw new InvalidOperationException($"cannot start sshd in {ns}");
        daemon.ErrorDataReceived += (_, _) => { };
        daemon.BeginErrorReadLine();
        _daemons.Add(daemon);
        await WaitListeningAsync(Address(host), daemon);
        return fingerprint;
    }

    // The minions connect back from the namespaces: a firewall that drops what comes in on the bridge would leave every test
    // waiting for minions that never arrive, so say so once, here. Probed for 30 s, not once: in one CI run the single 5 s
    // probe failed (cause not found: no firewall rule, the broker up) and the same tests passed when run again.
    private async Task EnsureHostsReachBrokerAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var attempts = 0;
        while (DateTime.UtcNow < deadline)
        {
            attempts++;
            var probe = await RunAsync(false, "ip", "netns", "exec", Namespace(1), "timeout", "5", "bash", "-c", $"exec 3<>/dev/tcp/{Gateway}/5672 && echo reached");
            if (probe.Contains("reached", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(500);
        }

        var rules = await RunAsync(false, "iptables", "-S", "INPUT");
        throw new InvalidOperationException($"from the test hosts' namespace, the broker at {Gateway}:5672 could not be reached in 30 s ({attempts} tries): what comes in on bridge {Bridge} may be dropped; iptables -S INPUT:\n{rules}");
    }

    private static async Task WaitListeningAsync(string address, Process daemon)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (daemon.HasExited)
            {
                throw new InvalidOperationException($"sshd for {address} exited with {daemon.ExitCode}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(address, 22);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"sshd on {address}:22 did not listen within 15 s");
    }

    // The minion is installed and run from the hosts' folders, which live on this machine's file system: a temporary folder
    // mounted noexec would stop it at its first line. The first folder where a file may run is taken.
    private static DirectoryInfo ExecutableFolder()
    {
        var tried = new List<string>();
        foreach (var parent in new[] { Path.GetTempPath(), "/var/tmp", "/var/lib" })
        {
            var folder = Directory.CreateDirectory(Path.Combine(parent, "eventreactor-ssh-" + Guid.NewGuid().ToString("N")[..8]));
            var probe = Path.Combine(folder.FullName, "probe.sh");
            File.WriteAllText(probe, "#!/bin/sh\nexit 0\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(probe, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            try
            {
                using var run = Process.Start(new ProcessStartInfo(probe) { UseShellExecute = false })!;
                run.WaitForExit();
                if (run.ExitCode == 0)
                {
                    File.Delete(probe);
                    return folder;
                }
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                tried.Add($"{parent}: {ex.Message}");
            }

            folder.Delete(recursive: true);
        }

        throw new InvalidOperationException($"no folder here lets a file run, for the test hosts' minions: {string.Join("; ", tried)}");
    }

    // A /24 no interface here uses yet: several test runs on one machine must not collide.
    private static async Task<string> FreeSubnetAsync()
    {
        var used = await RunAsync("ip", "-o", "-4", "addr");
        for (var third = 1 + Random.Shared.Next(200); third < 255; third++)
        {
            var subnet = $"10.201.{third.ToString(CultureInfo.InvariantCulture)}";
            if (!used.Contains($" {subnet}.", StringComparison.Ordinal))
            {
                return subnet;
            }
        }

        throw new InvalidOperationException("no free /24 under 10.201.0.0/16 for the test hosts");
    }

    private static Task<string> RunAsync(string file, params string[] arguments) => RunAsync(true, file, arguments);

    private static Task<string> RunAsync(bool check, string file, params string[] arguments) =>
        ExternalTool.RunAsync(file, arguments, "the ssh provider tests run as root", check);
}

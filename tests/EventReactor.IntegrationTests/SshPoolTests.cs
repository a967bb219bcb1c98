using EventReactor.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace EventReactor.IntegrationTests;

/// <summary>The ssh pool provider against real sshd hosts in network namespaces, with minions connecting back to the broker.</summary>
[Collection(ServicesCollection.Name)]
public sealed class SshPoolTests(SshLab lab, ITestOutputHelper output) : IClassFixture<SshLab>
{
    private const string Token = "ssh-test-token-0123456789abcdef";
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(150);

    // Past the 240 s the command waits itself, so that it ends with what it saw rather than being cut off.
    private static readonly TimeSpan ScaleWait = TimeSpan.FromSeconds(270);

    [Fact]
    public async Task PoolsScale_SshProvider_TwoMinionsJoinThenLeaveAndAreRemoved()
    {
        using var workspace = new TestWorkspace();
        await using var pools = await StartAsync(workspace, lab.HostYaml(1, workspace.Id) + lab.HostYaml(2, workspace.Id));
        await using var stream = await EventStreamClient.ConnectAsync(pools.Server, "pool/lab/*", Token);
        await InLabAsync(workspace, pools, async () =>
        {
            await ShowPoolsAsync(pools, "before");
            var scale = await pools.RunCliAsync(ScaleWait, "pools", "scale", "lab", "2", "--wait", "--timeout", "240");
            output.WriteLine("$ eventreactor pools scale lab 2 --wait\n" + scale.Output);
            Assert.True(scale.ExitCode == 0, scale.Output + "\nreactor:\n" + pools.Reactor.Output);
            await stream.WaitForAsync(_ => stream.Events.Count(e => e.Tag == "pool/lab/join") == 2, TimeSpan.FromSeconds(10), "two joins");
            Assert.Equal(["lab-1", "lab-2"], stream.Events.Where(e => e.Tag == "pool/lab/join").Select(e => e.Data.GetProperty("minion").GetString()).Order());
            var pool = await pools.GetAsync("/api/pools/lab");
            Assert.Equal(
                [$"root@{lab.Address(1)}:22", $"root@{lab.Address(2)}:22"],
                pool.GetProperty("provisioned").EnumerateArray().Select(p => p.GetProperty("handle").GetString()).Order());
            var minion = (await pools.GetAsync("/api/minions")).EnumerateArray().Single(m => m.GetProperty("id").GetString() == "lab-1");
            Assert.Equal("ssh-lab", minion.GetProperty("grains").GetProperty("custom").GetProperty("rack").GetString());
            await ShowPoolsAsync(pools, "at 2");

            var down = await pools.RunCliAsync("pools", "scale", "lab", "0", "--wait", "--timeout", "60");
            Assert.True(down.ExitCode == 0, down.Output);
            await stream.WaitForAsync(_ => stream.Events.Count(e => e.Tag == "pool/lab/leave") == 2, TimeSpan.FromSeconds(30), "two leaves");
            await ShowPoolsAsync(pools, "back at 0");
            Assert.False(File.Exists(Path.Combine(lab.HostDirectory(1, workspace.Id), "minion.env")));
            Assert.False(File.Exists(Path.Combine(lab.HostDirectory(2, workspace.Id), "eventreactor-minion")));
            var keys = await pools.GetAsync("/api/keys");
            Assert.DoesNotContain(keys.EnumerateArray(), k => k.GetProperty("minion").GetString()!.StartsWith("lab-", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Restart_ScaledToOne_RemainingMinionIsAdoptedNotReinstalled()
    {
        using var workspace = new TestWorkspace();
        await using var pools = await StartAsync(workspace, lab.HostYaml(1, workspace.Id) + lab.HostYaml(2, workspace.Id));
        await InLabAsync(workspace, pools, async () =>
        {
            var scale = await pools.RunCliAsync(ScaleWait, "pools", "scale", "lab", "2", "--wait", "--timeout", "240");
            Assert.True(scale.ExitCode == 0, scale.Output + "\nreactor:\n" + pools.Reactor.Output);
            var one = await pools.RunCliAsync("pools", "scale", "lab", "1", "--wait", "--timeout", "60");
            Assert.True(one.ExitCode == 0, one.Output);
            await PoolReactor.EventuallyAsync(() => pools.GetAsync("/api/pools/lab"), p => p.GetProperty("provisioned").GetArrayLength() == 1, TimeSpan.FromSeconds(30), "one provisioned minion");
            var pidFile = Path.Combine(lab.HostDirectory(1, workspace.Id), "minion.pid");
            var pidBefore = File.ReadAllText(pidFile).Trim();

            await pools.CrashAndRestartAsync();

            // Adopted: the same record, the same process on host 1, and nothing installed on host 2 again.
            await Task.Delay(TimeSpan.FromSeconds(6));
            var after = await pools.GetAsync("/api/pools/lab");
            var provisioned = Assert.Single(after.GetProperty("provisioned").EnumerateArray());
            Assert.Equal(("lab-1", $"root@{lab.Address(1)}:22"), (provisioned.GetProperty("minion").GetString(), provisioned.GetProperty("handle").GetString()));
            Assert.Equal(pidBefore, File.ReadAllText(pidFile).Trim());
            Assert.False(File.Exists(Path.Combine(lab.HostDirectory(2, workspace.Id), "minion.env")));
            Assert.Contains(after.GetProperty("members").EnumerateArray(), m => m.GetProperty("minion").GetString() == "lab-1");
            Assert.DoesNotContain(pools.Reactor.Output.Split('\n'), l => l.Contains("Started minion lab-1", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Create_HostAlreadyRunsThisMinion_NothingChanged()
    {
        using var workspace = new TestWorkspace();
        await using var pools = await StartAsync(workspace, lab.HostYaml(1, workspace.Id));
        await InLabAsync(workspace, pools, async () =>
        {
            var scale = await pools.RunCliAsync(ScaleWait, "pools", "scale", "lab", "1", "--wait", "--timeout", "240");
            Assert.True(scale.ExitCode == 0, scale.Output + "\nreactor:\n" + pools.Reactor.Output);
            var directory = lab.HostDirectory(1, workspace.Id);
            var pidBefore = File.ReadAllText(Path.Combine(directory, "minion.pid"));
            var configured = File.GetLastWriteTimeUtc(Path.Combine(directory, "minion.env"));

            // A crash between making a minion and recording it: the reactor makes it again, on a host that already runs it.
            await pools.CrashAndRestartAsync(() =>
            {
                using var database = new SqliteConnection($"Data Source={Path.Combine(workspace.DataPath, "reactor.db")};Pooling=false");
                database.Open();
                using var delete = database.CreateCommand();
                delete.CommandText = "DELETE FROM provisioned";
                Assert.Equal(1, delete.ExecuteNonQuery());
            });

            await pools.Reactor.WaitForLineAsync(l => l.Contains("Minion lab-1 already runs on", StringComparison.Ordinal) && l.Contains("nothing changed", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "create finding the minion in place");
            await PoolReactor.EventuallyAsync(() => pools.GetAsync("/api/pools/lab"), p => p.GetProperty("provisioned").GetArrayLength() == 1, TimeSpan.FromSeconds(10), "lab-1 recorded again");
            Assert.Equal(pidBefore, File.ReadAllText(Path.Combine(directory, "minion.pid")));
            Assert.Equal(configured, File.GetLastWriteTimeUtc(Path.Combine(directory, "minion.env")));
        });
    }

    [Fact]
    public async Task IsRunning_MinionProcessDied_StartedAgainInPlace()
    {
        using var workspace = new TestWorkspace();
        await using var pools = await StartAsync(workspace, lab.HostYaml(2, workspace.Id));
        await InLabAsync(workspace, pools, async () =>
        {
            var scale = await pools.RunCliAsync(ScaleWait, "pools", "scale", "lab", "1", "--wait", "--timeout", "240");
            Assert.True(scale.ExitCode == 0, scale.Output + "\nreactor:\n" + pools.Reactor.Output);
            var pidFile = Path.Combine(lab.HostDirectory(2, workspace.Id), "minion.pid");
            var pidBefore = File.ReadAllText(pidFile).Trim();

            Signals.Send(int.Parse(pidBefore, System.Globalization.CultureInfo.InvariantCulture), "KILL");

            await pools.Reactor.WaitForLineAsync(l => l.Contains("Minion lab-1 was installed on", StringComparison.Ordinal) && l.Contains("started it again", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the dead minion started again");
            Assert.NotEqual(pidBefore, File.ReadAllText(pidFile).Trim());
            var pool = await pools.GetAsync("/api/pools/lab");
            Assert.Equal([$"root@{lab.Address(2)}:22"], pool.GetProperty("provisioned").EnumerateArray().Select(p => p.GetProperty("handle").GetString()));
        });
    }

    [Fact]
    public async Task Create_WrongPinnedHostKey_RefusedWithHostKeyErrorWhileOtherHostServes()
    {
        using var workspace = new TestWorkspace();
        await using var pools = await StartAsync(workspace, lab.HostYaml(1, workspace.Id, fingerprint: lab.Fingerprints[2]) + lab.HostYaml(2, workspace.Id));
        await using var stream = await EventStreamClient.ConnectAsync(pools.Server, "pool/lab/*", Token);
        await InLabAsync(workspace, pools, async () =>
        {
            var scale = await pools.RunCliAsync("pools", "scale", "lab", "2");
            Assert.True(scale.ExitCode == 0, scale.Output);

            var failed = await stream.WaitForAsync(e => e.Tag == "pool/lab/provisioning/failed", Slow, "the refused host reported");
            output.WriteLine(failed.Data.ToString());
            Assert.Equal(($"root@{lab.Address(1)}:22", "host-key"), (failed.Data.GetProperty("host").GetString(), failed.Data.GetProperty("step").GetString()));
            Assert.Contains($"not the pinned {lab.Fingerprints[2]}; refused", failed.Data.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Contains(lab.Fingerprints[0], failed.Data.GetProperty("error").GetString(), StringComparison.Ordinal);

            // The other host is not held up: a minion comes up there, and nothing was installed on the refused one.
            var joined = await stream.WaitForAsync(e => e.Tag == "pool/lab/join", Slow, "a minion on the good host");
            var pool = await pools.GetAsync("/api/pools/lab");
            Assert.Equal([$"root@{lab.Address(2)}:22"], pool.GetProperty("provisioned").EnumerateArray().Select(p => p.GetProperty("handle").GetString()));
            Assert.False(Directory.Exists(lab.HostDirectory(1, workspace.Id)));
            Assert.NotNull(joined);
        });
    }

    [Fact]
    public async Task Create_UploadFails_ReportedWithHostAndStepThenRetried()
    {
        using var workspace = new TestWorkspace();

        // The install folder lies under a plain file: creating it fails until the test removes that file.
        var blocker = Path.Combine(lab.HostDirectory(3, workspace.Id) + "-blocked");
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        File.WriteAllText(blocker, "not a folder");
        await using var pools = await StartAsync(workspace, lab.HostYaml(3, workspace.Id, directory: Path.Combine(blocker, "minion")));
        await using var stream = await EventStreamClient.ConnectAsync(pools.Server, "pool/lab/*", Token);
        await InLabAsync(workspace, pools, async () =>
        {
            var scale = await pools.RunCliAsync("pools", "scale", "lab", "1");
            Assert.True(scale.ExitCode == 0, scale.Output);

            var failed = await stream.WaitForAsync(e => e.Tag == "pool/lab/provisioning/failed", Slow, "the failed upload reported");
            output.WriteLine(failed.Data.ToString());
            Assert.Equal(($"root@{lab.Address(3)}:22", "upload", "lab-1"), (failed.Data.GetProperty("host").GetString(), failed.Data.GetProperty("step").GetString(), failed.Data.GetProperty("minion").GetString()));
            Assert.Contains("Not a directory", failed.Data.GetProperty("error").GetString(), StringComparison.Ordinal);

            File.Delete(blocker);
            var joined = await stream.WaitForAsync(e => e.Tag == "pool/lab/join", Slow, "the minion after the retry");
            Assert.Equal("lab-1", joined.Data.GetProperty("minion").GetString());
            Assert.True(File.Exists(Path.Combine(blocker, "minion", "eventreactor-minion")));
        });
    }

    // A failing test shows what the minions and the reactor said; whatever happens, the minions it started are stopped.
    private async Task InLabAsync(TestWorkspace workspace, PoolReactor pools, Func<Task> test)
    {
        try
        {
            await test();
        }
        catch (Exception)
        {
            output.WriteLine($"minions:\n{lab.MinionLogs(workspace.Id)}\nreactor:\n{pools.Reactor.Output}");
            throw;
        }
        finally
        {
            await lab.KillMinionsAsync();
        }
    }

    private async Task<PoolReactor> StartAsync(TestWorkspace workspace, string hostsYaml)
    {
        var yaml = $"""
            pools:
              - name: lab
                provider: ssh
                min: 0
                max: 3
                grains: {"{"} rack: ssh-lab {"}"}
                hosts:

            """ + hostsYaml;
        var server = $"http://{lab.Gateway}:{workspace.HttpPort}";
        var bus = string.Empty;
        return await PoolReactor.StartAsync(workspace, yaml, vhost =>
        {
            bus = lab.GrantAsync(vhost.Name).GetAwaiter().GetResult();
            return new ReactorSettings(server, new Dictionary<string, string>
            {
                ["EVENTREACTOR_API_TOKEN"] = Token,
                ["EVENTREACTOR__Reactor__Providers__Ssh__MinionBinary"] = lab.MinionBinary,
                ["EVENTREACTOR__Reactor__Providers__Ssh__BusUrl"] = bus,
                ["EVENTREACTOR__Reactor__Providers__Ssh__FailureCooldown"] = "00:00:02",
                ["EVENTREACTOR__Reactor__Providers__Ssh__CheckInterval"] = "00:00:02",
            });
        });
    }

    private async Task ShowPoolsAsync(PoolReactor pools, string when)
    {
        var listing = await pools.RunCliAsync("pools");
        output.WriteLine($"$ eventreactor pools   # {when}\n{listing.Output}");
    }
}

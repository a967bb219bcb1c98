using EventReactor.Contracts.Api;
using EventReactor.Reactor.Benchmarks;
using EventReactor.Reactor.Pools;
using EventReactor.Reactor.Targeting;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Tests.Benchmarks;

public sealed class BenchmarkServiceTests : IAsyncLifetime
{
    private const string Plain = "image: b\nresults: [{ json_lines: true }]\n";
    private readonly RunnerHarness _harness = new();
    private readonly DirectoryInfo _suites = Directory.CreateTempSubdirectory("suites-");

    public Task InitializeAsync()
    {
        _harness.Migrate();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        _suites.Delete(recursive: true);
    }

    [Fact]
    public async Task Start_NoTargetAndOneMinionPresent_RunsOnItWithItsGrainsAndAnnouncesTheRun()
    {
        var service = Service(("plain.yaml", Plain));

        var run = await service.StartAsync("plain", null, null, null, CancellationToken.None);

        Assert.Equal(["m1"], run.Minions);
        Assert.Equal(("m1", "list", BenchmarkStatus.Pending), (run.Target, run.TargetType, run.Status));
        var detail = await _harness.Store.FindAsync(run.Id, CancellationToken.None);
        Assert.Equal("Test CPU 9000", Assert.Single(detail!.Hosts).Grains.CpuModel);
        Assert.Equal(Plain, detail.Run.Definition);
        var announced = Assert.Single(_harness.Published);
        Assert.Equal($"bench/{run.Id}/new", announced.Tag);
        Assert.Matches("^[0-9]{8}-[0-9]{6}-[0-9a-f]{4}$", run.Id);
    }

    [Fact]
    public async Task Start_NoTargetAndSeveralPresent_RefusesNamingThem()
    {
        _harness.Minions.With("m2");
        var service = Service(("plain.yaml", Plain));

        var error = await Assert.ThrowsAsync<BenchmarkRequestException>(() => service.StartAsync("plain", null, null, null, CancellationToken.None));

        Assert.Equal("2 minions are present (m1, m2); name the ones to run on with a target (tgt, --target)", error.Message);
    }

    [Fact]
    public async Task Start_TargetAndRequirements_RunsOnlyWhereBothHold()
    {
        _harness.Minions.With("m2", grains: """{"cpu": {"model": "Other"}}""").With("m3", present: false, grains: """{"cpu": {"model": "Test CPU 9000"}}""");
        var service = Service(("picky.yaml", "image: b\nrequirements: { tgt: 'cpu.model:Test*', tgt_type: grain }\nresults: [{ json_lines: true }]\n"));

        var run = await service.StartAsync("picky", "m*", null, null, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<BenchmarkRequestException>(() => service.StartAsync("picky", "m2", "list", null, CancellationToken.None));

        Assert.Equal(["m1"], run.Minions);
        Assert.StartsWith("target 'm2' names m2, but none meets suite 'picky''s requirements", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidSuite_RefusesWithEveryProblemAtItsPlace()
    {
        var service = Service(("bad.yaml", "image: b\nwarmup: -1\nresults: [{ regex: 'x', metric: m }]\n"));

        var error = await Assert.ThrowsAsync<BenchmarkRequestException>(() => service.StartAsync("bad", null, null, null, CancellationToken.None));

        var file = Path.Combine(_suites.FullName, "bad.yaml");
        Assert.Contains($"{file}:2:9: 'warmup' must be a whole number from 0 to 100", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{file}:3:20: results[0]: the regex needs a named group 'value'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.Published);
    }

    [Fact]
    public async Task Start_SuiteEditedBetweenRuns_UsesTheEdit()
    {
        var service = Service(("plain.yaml", Plain));
        var first = await service.StartAsync("plain", null, null, null, CancellationToken.None);

        await File.WriteAllTextAsync(Path.Combine(_suites.FullName, "plain.yaml"), "image: b\nrepetitions: 7\nresults: [{ json_lines: true }]\n");
        var second = await service.StartAsync("plain", null, null, null, CancellationToken.None);

        Assert.Equal((3, 7), (first.Policy.Min, second.Policy.Min));
    }

    private BenchmarkService Service(params (string Name, string Text)[] suites)
    {
        foreach (var (name, text) in suites)
        {
            File.WriteAllText(Path.Combine(_suites.FullName, name), text);
        }

        return new BenchmarkService(_harness.Store, _harness.Runner, new TargetResolver(_harness.Minions, new PoolState(), Keys.FakeMinionTrust.Everyone), _harness.Minions, _harness.Publisher, TimeProvider.System,
            Options.Create(new BenchmarkOptions { Path = _suites.FullName }));
    }
}

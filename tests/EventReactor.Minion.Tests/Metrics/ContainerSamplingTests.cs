using EventReactor.Minion.Metrics;

namespace EventReactor.Minion.Tests.Metrics;

public sealed class ContainerSamplingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cgroup").FullName;

    public ContainerSamplingTests()
    {
        // A copy, so the test can make the cgroup vanish as when the container exits.
        CopyTree(MetricFixtures.CgroupRoot("v1"), _root);
    }

    [Fact]
    public async Task Run_FlushSamplesReached_ShipsBatchesOfThatSize()
    {
        var publisher = new RecordingEventPublisher();
        await using var sampling = Sampling(publisher, flushSamples: 3);

        sampling.Start();
        await publisher.WaitForAsync(2, TimeSpan.FromSeconds(10));

        var first = publisher.Published[0];
        Assert.Equal("minion/m1/metrics", first.Tag);
        Assert.Equal("abc123", first.Data.GetProperty("container").GetString());
        Assert.Equal(3, first.Data.GetProperty("samples").GetArrayLength());
        Assert.Equal(51159326, first.Data.GetProperty("samples")[0].GetProperty("cpuUsageNanoseconds").GetInt64());
        Assert.False(first.Data.GetProperty("final").GetBoolean());
        Assert.Equal(Environment.ProcessorCount, first.Data.GetProperty("hostCpus").GetInt32());
    }

    [Fact]
    public async Task Run_CgroupVanishes_ShipsFinalBatchAndEnds()
    {
        var publisher = new RecordingEventPublisher();
        await using var sampling = Sampling(publisher, flushSamples: 1000);

        sampling.Start();
        await Task.Delay(550);
        // On cgroupfs a removed cgroup's held files fail (ENODEV); a fixture's regular file is emptied to stand in for that.
        File.WriteAllText(Path.Combine(_root, "cpuacct", "docker", "abc123", "cpuacct.usage"), string.Empty);
        await sampling.Completion.WaitAsync(TimeSpan.FromSeconds(5));

        var batch = Assert.Single(publisher.Published);
        Assert.True(batch.Data.GetProperty("final").GetBoolean());
        Assert.InRange(batch.Data.GetProperty("samples").GetArrayLength(), 1, 8); // ~5 at 100 ms; fewer when the machine is busy
    }

    [Fact]
    public async Task StopAsync_WhileSampling_ShipsWhatWasBuffered()
    {
        var publisher = new RecordingEventPublisher();
        var sampling = Sampling(publisher, flushSamples: 1000);

        sampling.Start();
        await Task.Delay(350);
        await sampling.DisposeAsync();

        var batch = Assert.Single(publisher.Published);
        Assert.True(batch.Data.GetProperty("final").GetBoolean());
        Assert.True(batch.Data.GetProperty("samples").GetArrayLength() >= 1);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ContainerSampling Sampling(RecordingEventPublisher publisher, int flushSamples)
    {
        var target = new ContainerTarget("abc123", "web", ContainerCgroup.Find(_root, "abc123")!, null);
        var options = new MetricsOptions { FlushSamples = flushSamples, FlushInterval = TimeSpan.FromMinutes(1) };
        return new ContainerSampling(target, MetricsOptions.MinInterval, options, "m1", publisher, TimeProvider.System);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

using EventReactor.Reactor.Benchmarks;

namespace EventReactor.Reactor.Tests.Benchmarks;

public sealed class ContainerRunArgumentsTests
{
    [Fact]
    public void For_SuiteWithResourcesDevicesAndGpus_PassesEachInContainerRunTerms()
    {
        var suite = RunnerHarness.Suite("""
            image: gpu/burn:1
            command: [burn, "60"]
            env: { SIZE: 1024 }
            resources: { cpus: 2.5, memory: 8g }
            devices: [/dev/kfd, { host: /dev/null, container: /dev/fakegpu0, permissions: r }]
            gpus: { count: 2, capabilities: [gpu, compute] }
            network: host
            timeout: 90s
            results: [{ json_lines: true }]
            """);

        var args = ContainerRunArguments.For(suite, "run-1", warmup: false, index: 4, attempt: 2);

        Assert.Equal(["burn", "60"], args.GetProperty("command").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("1024", args.GetProperty("env").GetProperty("SIZE").GetString());
        Assert.Equal((2.5, "8g", "host", 90.0), (args.GetProperty("cpus").GetDouble(), args.GetProperty("memory").GetString(), args.GetProperty("network").GetString(), args.GetProperty("timeout").GetDouble()));
        Assert.Equal(["/dev/kfd:/dev/kfd:rwm", "/dev/null:/dev/fakegpu0:r"], args.GetProperty("devices").EnumerateArray()
            .Select(d => $"{d.GetProperty("host").GetString()}:{d.GetProperty("container").GetString()}:{d.GetProperty("permissions").GetString()}"));
        Assert.Equal(2, args.GetProperty("gpus").GetProperty("count").GetInt64());
        Assert.Equal(["gpu", "compute"], args.GetProperty("gpus").GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(("run-1", "4", "2"), (args.GetProperty("labels").GetProperty(BenchmarkLabels.Run).GetString(), args.GetProperty("labels").GetProperty(BenchmarkLabels.Repetition).GetString(), args.GetProperty("labels").GetProperty(BenchmarkLabels.Attempt).GetString()));
        Assert.False(args.TryGetProperty("metrics", out _));
    }
}

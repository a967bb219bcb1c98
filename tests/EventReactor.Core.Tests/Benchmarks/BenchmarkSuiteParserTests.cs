using EventReactor.Core.Benchmarks;
using EventReactor.Core.Diagnostics;

namespace EventReactor.Core.Tests.Benchmarks;

public sealed class BenchmarkSuiteParserTests
{
    private const string Full = """
        name: gpu-burn
        description: Burns the GPUs for a while.
        image: eventreactor/busybox:latest
        command: [sh, -c, "echo rate: 12.5 op/s"]
        env: { SIZE: 1024, MODE: fast }
        resources: { cpus: 1.5, memory: 64m }
        devices: [/dev/null, { host: /dev/zero, container: /dev/fakegpu0, permissions: r }]
        gpus: { count: 2, capabilities: [gpu, compute] }
        network: bridge
        requirements: { tgt: 'gpus:*K80*', tgt_type: grain }
        warmup: 2
        repetitions: { min: 4, max: 12, rsd_threshold: 2.5 }
        retries: 1
        timeout: 90s
        metrics: { interval: 250ms }
        results:
          - regex: 'rate: (?<value>[0-9.]+) (?<unit>\S+)'
            metric: rate
          - json_lines: true
            higher_is_better: false
        """;

    [Fact]
    public void Parse_EveryKey_ReadsEachIntoTheModel()
    {
        var diagnostics = new List<RuleDiagnostic>();

        var suite = BenchmarkSuiteParser.Parse("gpu-burn.yaml", Full, diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotNull(suite);
        Assert.Equal("gpu-burn", suite.Name);
        Assert.Equal(["sh", "-c", "echo rate: 12.5 op/s"], suite.Command);
        Assert.Equal("1024", suite.Env["SIZE"]);
        Assert.Equal(1.5, suite.Resources.Cpus);
        Assert.Equal("64m", suite.Resources.Memory);
        Assert.Equal([new SuiteDevice("/dev/null", "/dev/null", "rwm"), new SuiteDevice("/dev/zero", "/dev/fakegpu0", "r")], suite.Resources.Devices);
        Assert.NotNull(suite.Resources.Gpus);
        Assert.Equal("bridge", suite.Network);
        Assert.Equal(new SuiteTarget("gpus:*K80*", "grain"), suite.Requirements);
        Assert.Equal(new RepetitionPolicy(2, 4, 12, 2.5), suite.Repetitions);
        Assert.Equal(1, suite.Retries);
        Assert.Equal(TimeSpan.FromSeconds(90), suite.Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(250), suite.MetricsInterval);
        Assert.Equal([ResultReaderKind.Regex, ResultReaderKind.JsonLines], suite.Results.Select(r => r.Kind));
        Assert.False(suite.Results[1].HigherIsBetter);
    }

    [Fact]
    public void Parse_Minimal_AppliesDefaults()
    {
        var diagnostics = new List<RuleDiagnostic>();

        var suite = BenchmarkSuiteParser.Parse("/suites/tiny.yaml", "image: busybox\ncommand: echo v=1\nresults: [{ regex: 'v=(?<value>\\d+)', metric: v }]\n", diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotNull(suite);
        Assert.Equal("tiny", suite.Name);
        Assert.Equal(["sh", "-c", "echo v=1"], suite.Command);
        Assert.Equal(RepetitionPolicy.Default, suite.Repetitions);
        Assert.Equal("none", suite.Network);
        Assert.Equal(BenchmarkSuiteParser.DefaultTimeout, suite.Timeout);
        Assert.Null(suite.MetricsInterval);
        Assert.Equal(0, suite.Retries);
    }

    [Fact]
    public void Parse_BareRepetitionCount_IsExactMinAndMax()
    {
        var suite = BenchmarkSuiteParser.Parse("s.yaml", "image: b\nrepetitions: 5\nresults: [{ json_lines: true }]\n", new List<RuleDiagnostic>());

        Assert.Equal(new RepetitionPolicy(0, 5, 5, RepetitionPolicy.DefaultRsdThreshold), suite?.Repetitions);
    }

    [Theory]
    [InlineData("image: b\nbogus: 1\nresults: [{ json_lines: true }]\n", "s.yaml:2:1: unknown key 'bogus' in a suite")]
    [InlineData("image: b\nwarmup: lots\nresults: [{ json_lines: true }]\n", "s.yaml:2:9: 'warmup' must be a whole number from 0 to 100")]
    [InlineData("image: b\nrepetitions: { min: 5, max: 3 }\nresults: [{ json_lines: true }]\n", "s.yaml:2:21: repetitions 'min' (5) must not exceed 'max' (3)")]
    [InlineData("image: b\nresults:\n  - regex: 'rate: ([0-9]+)'\n    metric: r\n", "s.yaml:3:12: results[0]: the regex needs a named group 'value'")]
    [InlineData("image: b\nresults:\n  - regex: 'rate: (?<value>[0-9]+'\n    metric: r\n", "s.yaml:3:12: results[0]: the regex does not compile")]
    [InlineData("image: b\nresults:\n  - regex: '(?<value>[0-9]+)'\n", "s.yaml:3:5: results[0] needs 'metric'")]
    [InlineData("image: b\nresults:\n  - { regex: '(?<value>1)', metric: m, json_lines: true }\n", "s.yaml:3:5: results[0] needs exactly one of 'regex'")]
    [InlineData("image: b\nresources: { memory: lots }\nresults: [{ json_lines: true }]\n", "s.yaml:2:22: 'memory' must be bytes or a size")]
    [InlineData("image: b\ntimeout: soon\nresults: [{ json_lines: true }]\n", "s.yaml:2:10: 'timeout' must be a duration")]
    [InlineData("image: b\nrequirements: { tgt: x, tgt_type: magic }\nresults: [{ json_lines: true }]\n", "s.yaml:2:35: 'requirements': tgt_type 'magic' is unknown")]
    [InlineData("image: b\n", "s.yaml:1:1: a suite needs 'results'")]
    [InlineData("results: [{ json_lines: true }]\n", "s.yaml:1:1: a suite needs 'image'")]
    [InlineData("name: other\nimage: b\nresults: [{ json_lines: true }]\n", "s.yaml:1:7: suite name 'other' must match its file name 's'")]
    [InlineData("image: [b\n", "s.yaml:2:1: YAML:")]
    public void Parse_BadInput_ReportsWhereAndWhat(string yaml, string expected)
    {
        var diagnostics = new List<RuleDiagnostic>();

        var suite = BenchmarkSuiteParser.Parse("s.yaml", yaml, diagnostics);

        Assert.Null(suite);
        Assert.Contains(diagnostics, d => d.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        var diagnostics = new List<RuleDiagnostic>();

        BenchmarkSuiteParser.Parse("s.yaml", "image: b\nretries: -1\nwarmup: x\nresults: [{ json_lines: true }]\n", diagnostics);

        Assert.Equal(2, diagnostics.Count);
    }

    [Fact]
    public void ShippedSuites_AllParse()
    {
        var folder = Path.Combine(RepoRoot(), "config", "benchmarks");
        var names = BenchmarkSuiteLoader.List(folder);

        Assert.Contains("cpu-loop", names);
        Assert.Contains("memory", names);
        Assert.All(names, name => Assert.Equal(name, BenchmarkSuiteLoader.Load(folder, name).Name));
    }

    [Fact]
    public void Load_UnknownSuite_NamesTheFolderAndTheSuitesThere()
    {
        var folder = Path.Combine(RepoRoot(), "config", "benchmarks");

        var error = Assert.Throws<BenchmarkSuiteException>(() => BenchmarkSuiteLoader.Load(folder, "no-such-suite"));

        Assert.Contains("no suite 'no-such-suite'", error.Message, StringComparison.Ordinal);
        Assert.Contains("cpu-loop", error.Message, StringComparison.Ordinal);
    }

    private static string RepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EventReactor.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("EventReactor.sln not found");
    }
}

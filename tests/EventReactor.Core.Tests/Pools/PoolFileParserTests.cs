using EventReactor.Core.Diagnostics;
using EventReactor.Core.Pools;

namespace EventReactor.Core.Tests.Pools;

public sealed class PoolFileParserTests
{
    [Fact]
    public void Parse_IssueExample_ReadsBothPools()
    {
        var diagnostics = new List<RuleDiagnostic>();
        var pools = PoolFileParser.Parse("pools.yaml", """
            pools:
              - name: gpu-k80
                select: grains.gpus.exists(g, g.model.contains('K80'))   # CEL over id, grains
              - name: sim
                provider: process
                min: 0
                max: 50
                idle_shutdown: 30m
                grains: { rack: sim }
            """, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(["gpu-k80", "sim"], pools.Select(p => p.Name));
        Assert.Equal("grains.gpus.exists(g, g.model.contains('K80'))", pools[0].Select!.Text);
        Assert.Null(pools[0].Provider);
        var sim = pools[1];
        Assert.Equal(("process", 0, 50, TimeSpan.FromMinutes(30)), (sim.Provider, sim.Min, sim.Max, sim.IdleShutdown!.Value));
        Assert.Equal("sim", sim.Grains["rack"]);
    }

    [Fact]
    public void Parse_Empty_NoPools()
    {
        var diagnostics = new List<RuleDiagnostic>();
        Assert.Empty(PoolFileParser.Parse("pools.yaml", string.Empty, diagnostics));
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("pools: {}", "pools.yaml:1:8: 'pools' must be a list of pools")]
    [InlineData("pool: []", "pools.yaml:1:1: a pools file is a mapping with one key, 'pools', a list of pools")]
    [InlineData("pools:\n  - select: id == 'a'", "pools.yaml:2:5: a pool needs a 'name'")]
    [InlineData("pools:\n  - name: a b", "pools.yaml:2:11: pool name 'a b' must be letters, digits, '-' or '_' (it sits in tags and minion ids)")]
    [InlineData("pools:\n  - name: a\n    colour: red", "pools.yaml:3:5: unknown key 'colour'; a pool has name, select, provider, min, max, idle_shutdown, grains, hosts")]
    [InlineData("pools:\n  - name: a\n    provider: process\n    max: -1", "pools.yaml:4:10: 'max' must be a whole number of at least 0")]
    [InlineData("pools:\n  - name: a\n    provider: process\n    min: 5\n    max: 2", "pools.yaml:4:10: 'min' (5) must not exceed 'max' (2)")]
    [InlineData("pools:\n  - name: a\n    provider: process\n    idle_shutdown: soon", "pools.yaml:4:20: 'idle_shutdown' must be a duration such as 30m, got 'soon'")]
    [InlineData("pools:\n  - name: a\n    max: 3", "pools.yaml:2:5: 'min', 'max', 'idle_shutdown' and 'grains' need a 'provider'")]
    [InlineData("pools:\n  - name: a\n  - name: a", "pools.yaml:3:5: pool 'a' is declared twice")]
    public void Parse_Invalid_ReportsFileLineColumnAndKey(string yaml, string expected)
    {
        var diagnostics = new List<RuleDiagnostic>();
        PoolFileParser.Parse("pools.yaml", yaml, diagnostics);
        Assert.Contains(expected, diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Parse_BadSelector_ReportsCelErrorInsideTheFile()
    {
        var diagnostics = new List<RuleDiagnostic>();
        PoolFileParser.Parse("pools.yaml", "pools:\n  - name: a\n    select: id ==", diagnostics);
        var error = Assert.Single(diagnostics);
        Assert.Equal(("pools.yaml", 3), (error.Location.File, error.Location.Line));
        Assert.StartsWith("CEL:", error.Message, StringComparison.Ordinal);
    }
}

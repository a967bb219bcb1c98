using System.Text.Json;
using EventReactor.Core.Diagnostics;
using EventReactor.Core.Pools;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Pools;

namespace EventReactor.Reactor.Tests.Pools;

public sealed class PoolMembershipTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    private static readonly IReadOnlyList<PoolDefinition> Pools = Parse("""
        pools:
          - name: gpu-k80
            select: grains.gpus.exists(g, g.model.contains('K80'))
          - name: sim
            provider: process
            max: 5
        """);

    [Fact]
    public void Compute_SelectorHolds_MemberBySelectorOnlyWhilePresent()
    {
        var members = PoolMembership.Compute(Pools, [Minion("k80", """{"gpus":[{"model":"Tesla K80"}]}"""), Minion("plain", """{"cpu":{}}"""), Minion("bare", null)], [], []);
        Assert.Equal(new Dictionary<(string, string), string> { [("gpu-k80", "k80")] = "selector" }, members);
    }

    [Fact]
    public void Compute_ProvisionedButNotYetPresent_NotAMember()
    {
        var provisioned = new[] { new ProvisionedMinion("sim-1", "sim", "process", "1", At), new ProvisionedMinion("sim-2", "sim", "process", "2", At) };
        var members = PoolMembership.Compute(Pools, [Minion("sim-1", null)], [], provisioned);
        Assert.Equal(new Dictionary<(string, string), string> { [("sim", "sim-1")] = "provisioned" }, members);
    }

    [Fact]
    public void Compute_AddedExplicitly_MemberEvenWhenAbsentAndAddedWins()
    {
        var members = PoolMembership.Compute(Pools, [Minion("k80", """{"gpus":[{"model":"Tesla K80"}]}""")], [("gpu-k80", "k80"), ("sim", "elsewhere")], []);
        Assert.Equal("added", members[("gpu-k80", "k80")]);
        Assert.Equal("added", members[("sim", "elsewhere")]);
    }

    [Theory]
    [InlineData("provisioned", false, false, "destroyed")]
    [InlineData("provisioned", true, false, "lost")]
    [InlineData("selector", true, false, "lost")]
    [InlineData("added", false, true, "removed")]
    [InlineData("selector", false, true, "selector")]
    public void LeaveReason_ByHowItWasAMember_SaysWhy(string reason, bool stillProvisioned, bool present, string expected)
    {
        var member = new PoolMember("sim", "m1", reason, At);
        IReadOnlyList<ProvisionedMinion> provisioned = stillProvisioned ? [new ProvisionedMinion("m1", "sim", "process", "1", At)] : [];
        var presentIds = present ? new HashSet<string> { "m1" } : [];
        Assert.Equal(expected, PoolMembership.LeaveReason(member, presentIds, provisioned));
    }

    private static MinionRecord Minion(string id, string? grains) =>
        new(id, At, At, true, 10, grains is null ? null : JsonDocument.Parse(grains).RootElement.Clone());

    private static IReadOnlyList<PoolDefinition> Parse(string yaml)
    {
        var diagnostics = new List<RuleDiagnostic>();
        var pools = PoolFileParser.Parse("pools.yaml", yaml, diagnostics);
        Assert.Empty(diagnostics);
        return pools;
    }
}

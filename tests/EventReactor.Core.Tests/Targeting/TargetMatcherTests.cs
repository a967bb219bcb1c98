using System.Text.Json;
using EventReactor.Core.Targeting;

namespace EventReactor.Core.Tests.Targeting;

public sealed class TargetMatcherTests
{
    private static readonly TargetCandidate[] Minions =
    [
        new("gpu-1", Grains("""{"cpu":{"vendor":"AMD","model":"EPYC 7742"},"gpus":[{"vendor":"NVIDIA","model":"Tesla K80"},{"vendor":"NVIDIA","model":"Tesla K80"}],"custom":{"rack":"r1"}}"""), ["gpu-k80"]),
        new("gpu-2", Grains("""{"cpu":{"vendor":"Intel","model":"Xeon"},"gpus":[{"vendor":"NVIDIA","model":"A100"}],"custom":{"rack":"r2"}}"""), []),
        new("web-1", Grains("""{"cpu":{"vendor":"Intel","model":"Xeon"},"gpus":[],"roles":["web","edge"]}"""), ["web"]),
        new("bare", null, []),
    ];

    [Fact]
    public void Resolve_GlobOnIds_MatchesIds()
    {
        Assert.Equal(["gpu-1", "gpu-2"], TargetMatcher.Resolve("gpu-*", "glob", Minions));
    }

    [Fact]
    public void Resolve_NoType_DefaultsToGlob()
    {
        Assert.Equal(["web-1"], TargetMatcher.Resolve("web-?", null, Minions));
    }

    [Fact]
    public void Resolve_List_MatchesNamedIdsOnly()
    {
        Assert.Equal(["bare", "gpu-2"], TargetMatcher.Resolve("gpu-2, bare,absent", "list", Minions));
    }

    [Fact]
    public void Resolve_GrainListOfObjects_MatchesAnyElement()
    {
        Assert.Equal(["gpu-1"], TargetMatcher.Resolve("gpus:*K80*", "grain", Minions));
    }

    [Fact]
    public void Resolve_GrainNestedPath_MatchesLeaf()
    {
        Assert.Equal(["gpu-1"], TargetMatcher.Resolve("cpu.vendor:AMD*", "grain", Minions));
        Assert.Equal(["gpu-1", "gpu-2"], TargetMatcher.Resolve("gpus.vendor:NVIDIA", "grain", Minions));
    }

    [Fact]
    public void Resolve_GrainListOfStrings_MatchesAnyElement()
    {
        Assert.Equal(["web-1"], TargetMatcher.Resolve("roles:edge", "grain", Minions));
    }

    [Fact]
    public void Resolve_GrainWithoutColon_ThrowsSayingTheForm()
    {
        var error = Assert.Throws<TargetException>(() => TargetMatcher.Resolve("gpus", "grain", Minions));
        Assert.Contains("must be path:glob", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_Pool_MatchesMembers()
    {
        Assert.Equal(["gpu-1"], TargetMatcher.Resolve("gpu-k80", "pool", Minions));
    }

    [Fact]
    public void Resolve_ExprCompound_CombinesIdsGrainsAndPools()
    {
        Assert.Equal(["gpu-2", "web-1"], TargetMatcher.Resolve("grains.cpu.vendor == 'Intel' || 'web' in pools", "expr", Minions));
        Assert.Equal(["gpu-1"], TargetMatcher.Resolve("id.startsWith('gpu') && grains.gpus.exists(g, g.model.contains('K80'))", "expr", Minions));
    }

    [Fact]
    public void Resolve_ExprOnMissingGrain_DoesNotMatchThatMinion()
    {
        Assert.Equal(["gpu-1"], TargetMatcher.Resolve("grains.custom.rack == 'r1'", "expr", Minions));
    }

    [Fact]
    public void Resolve_ExprInvalid_ThrowsNamingCel()
    {
        var error = Assert.Throws<TargetException>(() => TargetMatcher.Resolve("id ==", "expr", Minions));
        Assert.Contains("not valid CEL", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nothing-*", "glob")]
    [InlineData("nothing", "list")]
    [InlineData("gpus:*V100*", "grain")]
    [InlineData("no-such-pool", "pool")]
    [InlineData("id == 'nothing'", "expr")]
    public void Resolve_MatchesNothing_ThrowsListingPresentMinions(string target, string type)
    {
        var error = Assert.Throws<TargetException>(() => TargetMatcher.Resolve(target, type, Minions));
        Assert.Equal($"target '{target}' ({type}) matches no present minion; present: bare, gpu-1, gpu-2, web-1", error.Message);
    }

    [Fact]
    public void Resolve_UnknownType_ThrowsListingTypes()
    {
        var error = Assert.Throws<TargetException>(() => TargetMatcher.Resolve("x", "nodegroup", Minions));
        Assert.Contains("glob, list, grain, pool, expr", error.Message, StringComparison.Ordinal);
    }

    private static JsonElement Grains(string json) => JsonDocument.Parse(json).RootElement.Clone();
}

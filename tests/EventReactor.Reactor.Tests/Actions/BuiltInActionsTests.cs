using System.Text.Json;
using EventReactor.Core.Rules;
using EventReactor.Reactor.Actions;

namespace EventReactor.Reactor.Tests.Actions;

public sealed class BuiltInActionsTests
{
    [Fact]
    public void Catalog_CommittedSchema_MatchesGeneratedOne()
    {
        var committed = File.ReadAllText(Path.Combine(RepoRoot(), "schema", "rules.schema.json"));

        Assert.True(RuleFileSchema.Generate(BuiltInActions.Catalog) == committed, "schema/rules.schema.json is stale; run: ./eventreactor rules schema > schema/rules.schema.json");
    }

    [Fact]
    public void Catalog_Schema_DescribesEveryActionAndItsRequiredArguments()
    {
        using var schema = JsonDocument.Parse(RuleFileSchema.Generate(BuiltInActions.Catalog));
        var definitions = schema.RootElement.GetProperty("definitions");

        foreach (var name in BuiltInActions.Catalog.Names)
        {
            var action = definitions.GetProperty($"action:{name}").GetProperty("properties").GetProperty(name);
            var required = action.GetProperty("required").EnumerateArray().Select(e => e.GetString());
            Assert.Equal(BuiltInActions.Catalog.Find(name)!.Arguments.Where(a => a.Required).Select(a => a.Name), required);
        }
    }

    [Fact]
    public void Catalog_ShippedRules_LoadWithoutProblems()
    {
        var result = new RuleSetLoader(BuiltInActions.Catalog).Load([Path.Combine(RepoRoot(), "reactors")]);

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.NotEmpty(result.RuleSet!.Rules);
    }

    [Fact]
    public void ShippedPoolsFile_Parses_WithTheIssuesExamplePools()
    {
        var file = Path.Combine(RepoRoot(), "config", "pools.yaml");
        var diagnostics = new List<EventReactor.Core.Diagnostics.RuleDiagnostic>();

        var pools = EventReactor.Core.Pools.PoolFileParser.Parse(file, File.ReadAllText(file), diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(["gpu-k80", "sim"], pools.Select(p => p.Name));
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "EventReactor.sln")))
        {
            directory = directory.Parent;
        }

        return directory.FullName;
    }
}

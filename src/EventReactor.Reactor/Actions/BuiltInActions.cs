using EventReactor.Core.Actions;

namespace EventReactor.Reactor.Actions;

/// <summary>The actions this reactor ships; their schemas let rules be checked without a running reactor.</summary>
public static class BuiltInActions
{
    public static ActionCatalog Catalog { get; } = new([EventFireAction.Definition, LogAction.Definition, HttpPostAction.Definition, MinionRunAction.Definition, PoolAddAction.Definition, PoolRemoveAction.Definition, PoolScaleAction.Definition, BenchmarkRunAction.Definition]);
}

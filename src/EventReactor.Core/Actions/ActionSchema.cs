namespace EventReactor.Core.Actions;

/// <summary>What an action is called and which arguments it takes; rules are checked against it when they load.</summary>
public sealed record ActionSchema(string Name, string Description, IReadOnlyList<ActionArgument> Arguments)
{
    public ActionArgument? Find(string argument) => Arguments.FirstOrDefault(a => a.Name == argument);
}

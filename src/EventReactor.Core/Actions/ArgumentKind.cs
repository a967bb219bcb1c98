namespace EventReactor.Core.Actions;

/// <summary>The type an action argument must have once rendered.</summary>
public enum ArgumentKind
{
    Any,
    String,
    Integer,
    Number,
    Boolean,
    Map,
    List,
}

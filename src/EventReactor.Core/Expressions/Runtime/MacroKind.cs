namespace EventReactor.Core.Expressions.Runtime;

internal enum MacroKind
{
    Exists,
    All,
    ExistsOne,
    Map,
    Filter,
}

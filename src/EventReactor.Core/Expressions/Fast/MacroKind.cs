namespace EventReactor.Core.Expressions.Fast;

internal enum MacroKind
{
    Exists,
    All,
    ExistsOne,
    Map,
    Filter,
}

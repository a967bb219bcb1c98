namespace EventReactor.Storage;

/// <summary>
/// One numbered step of a database's schema. Append new ones; never edit one that has shipped, since databases in the
/// field have already applied it.
/// </summary>
public sealed record Migration(int Version, string Description, string Sql);

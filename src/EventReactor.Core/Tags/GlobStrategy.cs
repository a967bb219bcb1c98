namespace EventReactor.Core.Tags;

// How TagGlob.IsMatch runs; the first three avoid the token loop for the common shapes.
internal enum GlobStrategy
{
    Exact,
    Prefix,
    Suffix,
    Tokens,
}

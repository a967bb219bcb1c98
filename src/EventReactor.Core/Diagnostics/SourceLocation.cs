namespace EventReactor.Core.Diagnostics;

/// <summary>A place in a rule file; line and column are 1-based.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public SourceLocation Offset(int lines, int columns) =>
        lines == 0 ? this with { Column = Column + columns } : this with { Line = Line + lines, Column = columns + 1 };

    public override string ToString() => $"{File}:{Line}:{Column}";
}

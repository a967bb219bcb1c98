namespace EventReactor.Cli.Client;

/// <summary>Prints rows as an aligned table, the way operators read listings in a terminal.</summary>
internal static class TableWriter
{
    public static void Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.ToList();
        var widths = headers.Select((header, column) => all.Select(row => row[column].Length).Append(header.Length).Max()).ToArray();
        Console.WriteLine(Line(headers, widths));
        foreach (var row in all)
        {
            Console.WriteLine(Line(row, widths));
        }
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, column) => column == cells.Count - 1 ? cell : cell.PadRight(widths[column]))).TrimEnd();
}

namespace Ciclo.Import;

/// <summary>Opens a file by its extension: .csv, .jsonl/.ndjson/.json, .parquet.</summary>
public static class RowSourceFactory
{
    public static IRowSource Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileRefusedException(path, "FileNotFound");
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" or ".txt" => new CsvRowSource(path),
            ".jsonl" or ".ndjson" or ".json" => new JsonLinesRowSource(path),
            ".parquet" => new ParquetRowSource(path),
            var other => throw new FileRefusedException(path, "FileUnknownFormat", other),
        };
    }
}

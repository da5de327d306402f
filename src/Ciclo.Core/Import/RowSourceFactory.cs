namespace Ciclo.Import;

/// <summary>Opens a file by its extension: .csv/.tsv/.txt, .jsonl/.ndjson/.json, .parquet, .xlsx.</summary>
public static class RowSourceFactory
{
    public static IRowSource Open(string path, ImportOptions? options = null)
    {
        if (!File.Exists(path))
        {
            throw new FileRefusedException(path, "FileNotFound");
        }

        options ??= ImportOptions.Default;
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" or ".txt" => new CsvRowSource(path, options),
            ".tsv" or ".tab" => new CsvRowSource(path, options with { Delimiter = options.Delimiter ?? '\t' }),
            ".jsonl" or ".ndjson" or ".json" => new JsonLinesRowSource(path, options),
            ".parquet" => new ParquetRowSource(path),
            ".xlsx" or ".xlsm" => new XlsxRowSource(path, options.Sheet),
            ".xls" => throw new FileRefusedException(path, "FileOldExcel"),
            var other => throw new FileRefusedException(path, "FileUnknownFormat", other),
        };
    }
}

// Lucene 8 for bench/ (Debian's liblucene8-java): EnglishAnalyzer, BM25, one IndexWriter, warm JVM.
//
//   java -cp <lucene jars>:. LuceneBench index DIR ARTICLES.tsv
//   java -cp <lucene jars>:. LuceneBench query DIR QUERIES
//
// ARTICLES.tsv is id<TAB>title<TAB>body per line (tabs, newlines and backslashes escaped as \t \n \\),
// written by scripts/bench.sh from the same JSONL the other engines read. Prints one JSON line.
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

public class LuceneBench {
    static final int WARMUP_PASSES = 1;   // as bench_common.h, plus JVM warm-up below
    static final int MEASURED_PASSES = 5;
    static final int JIT_WARMUP_PASSES = 20;  // "warm JVM": let the JIT compile the query path first

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static void index(String dir, String tsv) throws Exception {
        Analyzer analyzer = new EnglishAnalyzer();
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        config.setSimilarity(new BM25Similarity());
        config.setRAMBufferSizeMB(256);
        long docs = 0;
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(Paths.get(dir)), config);
             BufferedReader in = Files.newBufferedReader(Paths.get(tsv), StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null;) {
                String[] f = line.split("\t", -1);
                Document doc = new Document();
                doc.add(new StringField("id", f[0], Field.Store.YES));
                doc.add(new TextField("title", unescape(f[1]), Field.Store.YES));
                doc.add(new TextField("body", unescape(f[2]), Field.Store.YES));
                writer.addDocument(doc);
                docs++;
            }
            writer.forceMerge(1);  // Lucene's finishing step: one segment, ready to serve
            writer.commit();
        }
        System.out.println("{\"engine\":\"lucene\",\"mode\":\"index\",\"documents\":" + docs + "}");
    }

    static double percentile(double[] ms, double p) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, Math.min(sorted.length, rank)) - 1];
    }

    static void query(String dir, String queriesPath) throws Exception {
        List<String> queries = new ArrayList<>();
        for (String q : Files.readAllLines(Paths.get(queriesPath), StandardCharsets.UTF_8))
            if (!q.isEmpty() && !q.startsWith("#")) queries.add(q);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Paths.get(dir)))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity());
            MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {"title", "body"}, new EnglishAnalyzer());
            parser.setDefaultOperator(QueryParser.Operator.AND);
            Query[] parsed = new Query[queries.size()];
            for (int i = 0; i < parsed.length; i++) parsed[i] = parser.parse(queries.get(i));
            long sink = 0;
            for (int pass = 0; pass < JIT_WARMUP_PASSES; pass++)
                for (Query q : parsed) sink += searcher.search(q, 10).scoreDocs.length;
            double[] ms = new double[MEASURED_PASSES * parsed.length];
            int n = 0;
            for (int pass = 0; pass < WARMUP_PASSES + MEASURED_PASSES; pass++) {
                for (int i = 0; i < parsed.length; i++) {
                    long t0 = System.nanoTime();
                    // Parsing is part of a query's cost in every engine.
                    TopDocs top = searcher.search(parser.parse(queries.get(i)), 10);
                    for (var sd : top.scoreDocs) sink += searcher.doc(sd.doc).get("id").length();
                    long t1 = System.nanoTime();
                    if (pass >= WARMUP_PASSES) ms[n++] = (t1 - t0) / 1e6;
                }
            }
            StringBuilder counts = new StringBuilder();
            for (int i = 0; i < parsed.length; i++) counts.append(i == 0 ? "" : ",").append(searcher.count(parsed[i]));
            System.out.printf(java.util.Locale.ROOT,
                "{\"engine\":\"lucene\",\"mode\":\"query\",\"queries\":%d,\"p50_ms\":%f,\"p95_ms\":%f,\"p99_ms\":%f,\"counts\":[%s],\"sink\":%d}%n",
                parsed.length, percentile(ms, 50), percentile(ms, 95), percentile(ms, 99), counts, sink);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("index")) index(args[1], args[2]);
        else if (args.length == 3 && args[0].equals("query")) query(args[1], args[2]);
        else {
            System.err.println("usage: LuceneBench index DIR ARTICLES.tsv | query DIR QUERIES");
            System.exit(2);
        }
    }
}

package org.perfect21.selection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.perfect21.agent.AgentDefinition;

/**
 * The candidates of an auto phase in an in-memory Lucene index (name, description, category), searched with BM25 for
 * a task's words. Built once per loaded definition and searched on the calling thread (no executor).
 */
final class CandidateIndex {

    /** The indexed fields and their weight: a word of the task in an agent's name says more than one in its description. */
    static final Map<String, Float> FIELDS = fields();
    // Three fields per word stay within Lucene's 1024 clauses per query.
    static final int MAX_TASK_WORDS = 256;
    private static final String ORDINAL = "ordinal";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final List<String> names = new ArrayList<>();
    /** Per candidate, per field, the analyzed terms of its text: what a reason says matched. */
    private final List<Map<String, Set<String>>> terms = new ArrayList<>();
    private final IndexSearcher searcher;

    /**
     * The task's relevance to one candidate.
     *
     * @param score   BM25 over the weighted fields; 0 when no word of the task is in them
     * @param matches each word of the task the candidate has, with the fields it is in, in the task's order
     */
    record Relevance(float score, List<Match> matches) {
        static final Relevance NONE = new Relevance(0, List.of());
    }

    /** A word of the task as written, and the candidate's fields it is in. */
    record Match(String word, List<String> fields) {
    }

    private CandidateIndex(List<AgentDefinition> candidates) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        // Merges, if any, on this thread: the default scheduler would start merge threads of its own.
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setMergeScheduler(new SerialMergeScheduler());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (AgentDefinition candidate : candidates) {
                Map<String, String> texts = texts(candidate);
                Document document = new Document();
                document.add(new StoredField(ORDINAL, names.size()));
                Map<String, Set<String>> analyzed = new LinkedHashMap<>();
                texts.forEach((field, text) -> {
                    document.add(new TextField(field, text, Field.Store.NO));
                    analyzed.put(field, analyze(text).keySet());
                });
                writer.addDocument(document);
                names.add(candidate.name());
                terms.add(analyzed);
            }
            writer.commit();
            searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            // An in-memory directory does no I/O.
            throw new UncheckedIOException(e);
        }
        // Nothing to gain from caching queries over a hundred documents.
        searcher.setQueryCache(null);
    }

    static CandidateIndex of(List<AgentDefinition> candidates) {
        return new CandidateIndex(candidates);
    }

    /** The task's relevance to every candidate, by name ({@link Relevance#NONE} for those it has no word in common with). */
    Map<String, Relevance> relevance(String task) {
        Map<String, String> words = analyze(task);
        Map<String, Relevance> relevance = new HashMap<>();
        names.forEach(name -> relevance.put(name, Relevance.NONE));
        if (words.isEmpty()) {
            return relevance;
        }
        try {
            TopDocs top = searcher.search(query(words.keySet()), Math.max(1, names.size()));
            for (ScoreDoc hit : top.scoreDocs) {
                int ordinal = searcher.storedFields().document(hit.doc).getField(ORDINAL).numericValue().intValue();
                relevance.put(names.get(ordinal), new Relevance(hit.score, matches(ordinal, words)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return relevance;
    }

    private static Map<String, Float> fields() {
        Map<String, Float> fields = new LinkedHashMap<>();
        fields.put("name", 2f);
        fields.put("description", 1f);
        fields.put("category", 1f);
        return fields;
    }

    private static Map<String, String> texts(AgentDefinition candidate) {
        Map<String, String> texts = new LinkedHashMap<>();
        // backend-architect is the words backend and architect.
        texts.put("name", candidate.name().replaceAll("[-_.]+", " "));
        texts.put("description", candidate.description() == null ? "" : candidate.description());
        texts.put("category", candidate.category() == null ? "" : candidate.category());
        return texts;
    }

    private static Query query(Set<String> terms) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : terms) {
            FIELDS.forEach((field, weight) -> query.add(new BoostQuery(new TermQuery(new Term(field, term)), weight),
                    BooleanClause.Occur.SHOULD));
        }
        return query.build();
    }

    private List<Match> matches(int ordinal, Map<String, String> words) {
        List<Match> matches = new ArrayList<>();
        words.forEach((term, word) -> {
            List<String> in = new ArrayList<>();
            terms.get(ordinal).forEach((field, fieldTerms) -> {
                if (fieldTerms.contains(term)) {
                    in.add(field);
                }
            });
            if (!in.isEmpty()) {
                matches.add(new Match(word, List.copyOf(in)));
            }
        });
        return List.copyOf(matches);
    }

    /** The distinct analyzed terms of {@code text}, each with the first word it came from, at most {@link #MAX_TASK_WORDS}. */
    private Map<String, String> analyze(String text) {
        Map<String, String> terms = new LinkedHashMap<>();
        try (TokenStream tokens = analyzer.tokenStream("description", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && terms.size() < MAX_TASK_WORDS) {
                terms.putIfAbsent(term.toString(), text.substring(offset.startOffset(), offset.endOffset()));
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}

package org.perfect21.retention;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeletionTests {

    @Test
    void idListsComeInTwoLengthsOnlySoStatementTextsRepeat() {
        assertThat(Deletion.chunks(List.of())).isEmpty();
        assertThat(Deletion.chunks(ids(1))).extracting(List::size).containsExactly(10);
        assertThat(Deletion.chunks(ids(10))).extracting(List::size).containsExactly(10);
        assertThat(Deletion.chunks(ids(11))).extracting(List::size).containsExactly(100);
        assertThat(Deletion.chunks(ids(250))).extracting(List::size).containsExactly(100, 100, 100);
        assertThat(Deletion.chunks(ids(203))).extracting(List::size).containsExactly(100, 100, 10);
    }

    @Test
    void paddingRepeatsTheChunksOwnLastIdAndKeepsEveryIdOnce() {
        List<List<Object>> chunks = Deletion.chunks(ids(105));

        assertThat(chunks.get(1)).containsOnly(100L, 101L, 102L, 103L, 104L).endsWith(104L, 104L);
        assertThat(chunks.stream().flatMap(List::stream).distinct()).containsExactlyElementsOf(ids(105));
    }

    private static List<Long> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> (long) i).toList();
    }
}

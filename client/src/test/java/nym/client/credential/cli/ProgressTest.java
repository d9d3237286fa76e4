package nym.client.credential.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final StringWriter text = new StringWriter();
    private final Progress progress = new Progress(new PrintWriter(text), 2);

    @Test
    void step_withoutNotes_resultOnTheStepsLine() {
        progress.step("transfer to the pipe", () -> 7, v -> "mined " + v);

        String[] lines = text.toString().split("\n");
        assertEquals(1, lines.length, text.toString());
        assertTrue(lines[0].startsWith("[1/2] transfer to the pipe ..."), lines[0]);
        assertTrue(lines[0].matches(".*\\.\\.\\. +mined 7 \\(\\d+\\.\\d\\d s\\)"), lines[0]);
    }

    @Test
    void step_withNotes_notesOnTheirOwnLinesAndResultUnderTheHeadersColumn() {
        progress.step(
                "collect t partials",
                () -> {
                    progress.note("share of authority 2 checks");
                    progress.note("share of authority 3 checks");
                    return "σ";
                },
                v -> v + " verifies");

        String[] lines = text.toString().split("\n");
        assertEquals(4, lines.length, text.toString());
        assertTrue(lines[0].startsWith("[1/2] collect t partials ...") && lines[0].endsWith(" "), lines[0]);
        assertEquals("        share of authority 2 checks", lines[1]);
        assertEquals("        share of authority 3 checks", lines[2]);
        int column = lines[0].length();
        assertEquals(" ".repeat(column), lines[3].substring(0, column));
        assertTrue(lines[3].substring(column).startsWith("σ verifies ("), lines[3]);
        assertEquals(1, progress.timings().size());
    }
}

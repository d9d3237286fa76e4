package nym.link.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Records every leak Netty's detector reports (surefire runs it at {@code paranoid}: every buffer tracked), so tests
 * can assert there were none. Installed before any test class loads Netty's buffers (a JUnit launcher session
 * listener, registered in {@code META-INF/services} of each module that uses it: the test-jar carries the class, not
 * the registration).
 */
public final class LeakRecorder implements LauncherSessionListener {

    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
            @Override
            public <T> ResourceLeakDetector<T> newResourceLeakDetector(
                    Class<T> resource, int samplingInterval, long maxActive) {
                return new ResourceLeakDetector<T>(resource, samplingInterval) {
                    @Override
                    protected void reportTracedLeak(String resourceType, String records) {
                        LEAKS.add(resourceType + records);
                        super.reportTracedLeak(resourceType, records);
                    }

                    @Override
                    protected void reportUntracedLeak(String resourceType) {
                        LEAKS.add(resourceType);
                        super.reportUntracedLeak(resourceType);
                    }
                };
            }
        });
    }

    /**
     * Collects garbage and makes the detector look at what was collected (it reports on the next allocation), then
     * returns every leak reported so far and forgets them.
     */
    public static List<String> collectLeaks() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
            for (int j = 0; j < 50; j++) {
                ByteBuf a = PooledByteBufAllocator.DEFAULT.buffer(8);
                a.release();
                ByteBuf b = UnpooledByteBufAllocator.DEFAULT.buffer(8);
                b.release();
            }
        }
        List<String> found = List.copyOf(LEAKS);
        LEAKS.clear();
        return found;
    }
}

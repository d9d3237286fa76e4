package nym.link;

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
 * Keeps every leak Netty's detector reports (surefire sets {@code paranoid}) so a test can assert there was none.
 * Registered as a JUnit launcher session listener, so it is in place before any test touches a buffer.
 */
public final class LinkLeaks implements LauncherSessionListener {

    private static final List<String> REPORTED = new CopyOnWriteArrayList<>();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
            @Override
            public <T> ResourceLeakDetector<T> newResourceLeakDetector(
                    Class<T> resource, int samplingInterval, long maxActive) {
                return new ResourceLeakDetector<T>(resource, samplingInterval) {
                    @Override
                    protected void reportTracedLeak(String resourceType, String records) {
                        REPORTED.add(resourceType + records);
                    }

                    @Override
                    protected void reportUntracedLeak(String resourceType) {
                        REPORTED.add(resourceType);
                    }
                };
            }
        });
    }

    /** Runs the collector, lets the detector see what it freed (it looks on allocation), and drains the reports. */
    static List<String> drain() throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            System.gc();
            Thread.sleep(20);
            for (int i = 0; i < 50; i++) {
                ByteBuf pooled = PooledByteBufAllocator.DEFAULT.buffer(8);
                pooled.release();
                ByteBuf unpooled = UnpooledByteBufAllocator.DEFAULT.buffer(8);
                unpooled.release();
            }
        }
        List<String> found = List.copyOf(REPORTED);
        REPORTED.clear();
        return found;
    }
}

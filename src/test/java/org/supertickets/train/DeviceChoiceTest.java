package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {

    @Test
    void autoTakesTheGpuWhenOneIsVisibleElseTheCpu() {
        assertEquals(Device.gpu(0), DeviceChoice.choose("auto", 2));
        assertEquals(Device.cpu(), DeviceChoice.choose("auto", 0));
    }

    @Test
    void cpuIsHonouredEvenWithAGpu() {
        assertEquals(Device.cpu(), DeviceChoice.choose("cpu", 1));
    }

    @Test
    void aRequiredGpuThatIsNotThereSaysHowToGetOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceChoice.choose("gpu", 0));
        assertTrue(e.getMessage().contains("-Pgpu"), e.getMessage());
        assertEquals(Device.gpu(0), DeviceChoice.choose("gpu", 1));
    }
}

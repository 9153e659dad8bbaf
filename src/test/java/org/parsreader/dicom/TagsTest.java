package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** Every tag constant is the attribute its name says, by PixelMed's dictionary. */
class TagsTest {
    @Test
    void constantsMatchTheDictionaryKeywords() throws Exception {
        int checked = 0;
        for (Field f : Tags.class.getDeclaredFields()) {
            if (f.getType() != int.class || !Modifier.isStatic(f.getModifiers())) continue;
            AttributeTag byName = AttributeList.getDictionary().getTagFromName(f.getName());
            assertThat(byName != null).as(f.getName() + " is not a DICOM keyword").isTrue();
            assertThat(f.getInt(null)).as(f.getName()).isEqualTo(byName.getGroup() << 16 | byName.getElement());
            checked++;
        }
        assertThat(checked).isGreaterThan(80);
    }
}

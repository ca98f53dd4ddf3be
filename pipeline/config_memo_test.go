package pipeline

import (
	"sync"
	"testing"
)

func TestConfigMemo(t *testing.T) {
	type key struct{ name string }
	var cfg Config
	var calls sync.Map
	var wg sync.WaitGroup
	got := make([]any, 16)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k := key{[]string{"a", "b"}[i%2]}
			got[i] = cfg.Memo(k, func() any {
				n, _ := calls.LoadOrStore(k, new(int))
				*n.(*int)++
				return k.name + "-value"
			})
		}()
	}
	wg.Wait()
	for i, v := range got {
		if want := []string{"a", "b"}[i%2] + "-value"; v != want {
			t.Errorf("call %d: %v, want %s", i, v, want)
		}
	}
	calls.Range(func(k, n any) bool {
		if *n.(*int) != 1 {
			t.Errorf("%v computed %d times, want once", k, *n.(*int))
		}
		return true
	})
}

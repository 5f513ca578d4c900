// mobile.js: is the screen phone-sized? One media query, shared.
import { ref } from 'vue'

const query = window.matchMedia('(max-width: 768px)')
const mobile = ref(query.matches)
query.addEventListener('change', (e) => { mobile.value = e.matches })

export function useMobile () { return mobile }
